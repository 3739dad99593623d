import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/contract'

/** The native menu; commands that concern the story go to the renderer, which owns the editor. */
export function installMenu(send: (command: MenuCommand) => void): void {
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Story', accelerator: 'CmdOrCtrl+N', click: () => send('new-story') },
        { label: 'Save Now', accelerator: 'CmdOrCtrl+S', click: () => send('save-now') },
        { label: 'Import Wire Copy…', accelerator: 'CmdOrCtrl+Shift+O', click: () => send('import-wire') },
        { label: 'Export HTML…', accelerator: 'CmdOrCtrl+E', click: () => send('export-html') },
        { type: 'separator' },
        { label: 'Find in Library', accelerator: 'CmdOrCtrl+Shift+F', click: () => send('focus-search') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
