/**
 * Publish-ready pages, pure: story (+ house style, + a way to find its pictures) -> HTML page
 * (renderStoryHtml) or ninjs 2.0 (renderStoryNinjs). Nothing here reads the library or writes
 * files: the export job that does (src/main/publish/) hands these what they need. See docs/export.md.
 */
export { renderStoryHtml, type PageOptions } from './page'
export { renderStoryNinjs, storyNinjs } from './ninjs'
export { noMedia, type ExportImage, type MediaLookup } from './context'
export { exportBaseName } from './file-names'
export { exportWarnings } from './warnings'
export { DEFAULT_HOUSE_STYLE } from '../../shared/settings'
