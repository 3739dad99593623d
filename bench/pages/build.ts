import { build } from 'esbuild'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The bare pages the typing benchmark compares the story editor with: a plain contenteditable and
 * a bare Lexical editor, each styled with the app's own built stylesheet so layout costs the same.
 */
export interface BarePages {
  contenteditable: string
  lexical: string
  script: { name: string; body: string }
  css: string
}

function page(title: string, css: string, editable: string, script = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${css}</style>
<style>body { overflow: auto } .bench-frame { max-width: 760px; margin: 24px auto; }</style></head>
<body><div class="bench-frame body-frame">${editable}</div>${script}</body></html>`
}

export async function buildBarePages(root: string, rendererDir: string, outDir: string): Promise<BarePages> {
  const assets = join(rendererDir, 'assets')
  const css = readdirSync(assets)
    .filter((f) => f.endsWith('.css'))
    .map((f) => readFileSync(join(assets, f), 'utf8'))
    .join('\n')
  mkdirSync(outDir, { recursive: true })
  const outfile = join(outDir, 'bare-lexical.js')
  await build({
    entryPoints: [join(root, 'bench', 'pages', 'bare-lexical.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile,
    logLevel: 'silent',
  })
  const contenteditable = page(
    'bare contenteditable',
    css,
    '<div id="editor" class="body-editable" contenteditable="true" spellcheck="true" aria-label="Story body"></div>',
    '<script>globalThis.loadBody = (html) => { document.getElementById("editor").innerHTML = html }</script>',
  )
  const lexical = page(
    'bare Lexical',
    css,
    '<div id="editor" class="body-editable" contenteditable="true" spellcheck="true" aria-label="Story body"></div>',
    '<script src="/bench/bare-lexical.js"></script>',
  )
  writeFileSync(join(outDir, 'contenteditable.html'), contenteditable)
  writeFileSync(join(outDir, 'lexical.html'), lexical)
  return { contenteditable, lexical, script: { name: 'bare-lexical.js', body: readFileSync(outfile, 'utf8') }, css }
}
