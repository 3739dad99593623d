import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { allInvokeChannels, eventChannels } from '../shared/channels'
import type { CopydeskApi } from '../shared/contract'

// The whole bridge: named channels only, no ipcRenderer, no Node. Main validates every input.
const copydesk = {
  invoke(channel, input) {
    if (!allInvokeChannels.includes(channel)) return Promise.reject(new Error(`unknown channel ${String(channel)}`))
    return ipcRenderer.invoke(channel, input)
  },
  on(event, listener) {
    if (!(eventChannels as readonly string[]).includes(event)) throw new Error(`unknown event ${String(event)}`)
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never)
    ipcRenderer.on(event, forward)
    return () => {
      ipcRenderer.removeListener(event, forward)
    }
  },
} satisfies CopydeskApi

contextBridge.exposeInMainWorld('copydesk', copydesk)
