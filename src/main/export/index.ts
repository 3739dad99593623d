/**
 * Publish-ready export: story -> HTML page (renderStoryHtml) or ninjs 2.0 (renderStoryNinjs), and
 * the library-side exporter that writes them (exportStories). See docs/export.md.
 */
export { renderStoryHtml, type PageOptions } from './page'
export { renderStoryNinjs, storyNinjs } from './ninjs'
export { noMedia, type ExportImage, type MediaLookup } from './context'
export { exportStories, previewStoryHtml } from './export'
export { writeFileAtomic, exportBaseName } from './files'
export { DEFAULT_HOUSE_STYLE } from '../../shared/settings'
