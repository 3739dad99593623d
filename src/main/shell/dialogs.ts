import { BrowserWindow, dialog, ipcMain, type OpenDialogOptions } from 'electron'
import { contract } from '../../shared/contract'
import { ApiError, invalidInput } from '../../shared/errors'
import { isTrustedSender } from './policy'

/**
 * The system's own dialogs, for what the page cannot do itself (it has no file system): choosing
 * the folder an export goes to. Same rules as every channel: the sender checked, the input validated.
 */
export function registerDialogs(devServerOrigin?: string): void {
  ipcMain.handle('dialog:choose-folder', async (event, input: unknown) => {
    if (!isTrustedSender(event.senderFrame, devServerOrigin)) {
      const error = new ApiError(
        'invalid-input',
        "dialog:choose-folder: refused, the call did not come from Copydesk's own page",
      )
      return { ok: false, error: error.toShape() }
    }
    const parsed = contract['dialog:choose-folder'].input.safeParse(input ?? {})
    if (!parsed.success) {
      return { ok: false, error: invalidInput('dialog:choose-folder was given bad input', parsed.error).toShape() }
    }
    const options: OpenDialogOptions = {
      title: parsed.data.title ?? 'Choose a folder',
      buttonLabel: 'Choose',
      properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
    }
    const window = BrowserWindow.fromWebContents(event.sender)
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
    return { ok: true, value: { path: result.canceled ? null : (result.filePaths[0] ?? null) } }
  })
}
