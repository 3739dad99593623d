/** Vite's ?url imports: the built asset's address (see dictionaries.ts). */
declare module '*?url' {
  const url: string
  export default url
}

declare module 'hunspell-asm/dist/cjs/loadModule.js' {
  export { loadModule } from 'hunspell-asm'
}
