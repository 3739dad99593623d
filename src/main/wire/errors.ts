/**
 * Why a wire file could not be imported, in words an editor can act on. The importer adds the file
 * name; the message says what is wrong with the copy ("truncated XML: <p> opened on line 12 is never closed").
 */
export class WireError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WireError'
  }
}
