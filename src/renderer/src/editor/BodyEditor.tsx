import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin'
import { ListPlugin } from '@lexical/react/LexicalListPlugin'
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import type { LexicalEditor } from 'lexical'
import { useState, type RefObject } from 'react'
import type { Body } from '@shared/body'
import { isSafeLink } from './links'
import { readBodyJson } from './body-json'
import { bodyNodes } from './nodes'
import { BodyChangePlugin } from './plugins/BodyChangePlugin'
import { CappedHistoryPlugin } from './plugins/CappedHistoryPlugin'
import { CaretSyncPlugin } from './plugins/CaretSyncPlugin'
import { LinkPopoverPlugin } from './plugins/LinkPopoverPlugin'
import { CommentPlugin } from './plugins/CommentPlugin'
import { LinkSafetyPlugin } from './plugins/LinkSafetyPlugin'
import { TextStylePlugin } from './plugins/TextStylePlugin'
import { ToolbarPlugin } from './plugins/ToolbarPlugin'
import { FindReplacePlugin, type StoryFindAccess } from './plugins/FindReplacePlugin'
import { PicturePlugin } from './plugins/PicturePlugin'
import { TypographyPlugin } from './plugins/TypographyPlugin'
import type { TypographyRules } from '@shared/typography'
import { bodyTheme } from './theme'
import { BODY_TRANSFORMERS } from './transformers'

interface Props {
  initial: Body
  editorRef: RefObject<LexicalEditor | null>
  onChange: () => void
  onWords: (words: number) => void
  /** The story's other fields, for find and replace across the story. */
  storyFind?: StoryFindAccess
  /** Curly quotes, dashes and … as the editor types; null when the house has them off. */
  typography?: TypographyRules | null
}

/** The story body. initialConfig is read once: the story pane remounts this per story (a key). */
export function BodyEditor({ initial, editorRef, onChange, onWords, storyFind, typography = null }: Props) {
  // Made once: the story pane re-renders as an editor types, and stringifying a long body on every
  // render cost milliseconds a keystroke (docs/benchmarks.md).
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'copydesk-body',
    nodes: bodyNodes,
    theme: bodyTheme,
    editorState: JSON.stringify(initial),
    onError: (error) => {
      throw error
    },
  }))
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <ToolbarPlugin />
      <CommentPlugin />
      <FindReplacePlugin story={storyFind} />
      <PicturePlugin />
      <div className="body-frame">
        <RichTextPlugin
          contentEditable={<ContentEditable className="body-editable" aria-label="Story body" spellCheck />}
          placeholder={<div className="body-placeholder">Write the story…</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <CaretSyncPlugin />
      <CappedHistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={isSafeLink} />
      <LinkSafetyPlugin />
      <LinkPopoverPlugin />
      <TextStylePlugin />
      <MarkdownShortcutPlugin transformers={BODY_TRANSFORMERS} />
      <TypographyPlugin rules={typography} />
      <BodyChangePlugin onChange={onChange} onWords={onWords} />
      <EditorRefPlugin editorRef={editorRef} />
    </LexicalComposer>
  )
}

/** The body as the library stores it (a block at a time: body-json.ts). */
export function readBody(editor: LexicalEditor | null): Body | null {
  return editor ? readBodyJson(editor) : null
}
