import type { CopydeskApi } from '../shared/contract'

declare global {
  interface Window {
    copydesk: CopydeskApi
  }
}
export {}
