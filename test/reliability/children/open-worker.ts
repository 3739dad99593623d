/**
 * Opens a library the way the app does and saves one story through the api door, printing what the
 * editor would be told as one JSON line. Run as another user by library-messages.test.ts, so that
 * read-only files are read-only to it even when the tests run as root.
 *
 * argv: LIBRARY BACKUPS_DIR
 */
import { dispatch } from '../../../src/main/api'
import { openLibraryOrAdvise } from '../../../src/main/library/backup'

const [file, backups] = process.argv.slice(2)
void (async () => {
  try {
    const library = openLibraryOrAdvise(file!, backups!)
    const reply = await dispatch(library, 'story:create', { headline: 'Ferry strike ends' })
    library.close()
    process.stdout.write(JSON.stringify({ opened: true, reply }) + '\n')
  } catch (error) {
    process.stdout.write(JSON.stringify({ opened: false, message: (error as Error).message }) + '\n')
  }
})()
