/**
 * Every keyboard shortcut the app has, for the shortcut sheet (Ctrl/Cmd+/ or ?). Found by reading
 * every key handler in the code (App.tsx, the menu in src/main/shell/menu.ts, the editor plugins,
 * the library list, the panel tabs, the related list, the fields) and Lexical's own rich-text and
 * markdown keys. `mod` is Ctrl, or Cmd on a Mac. shortcuts.test.ts checks the menu's accelerators
 * are all here.
 */
export interface Shortcut {
  keys: string[]
  does: string
}

export interface ShortcutGroup {
  title: string
  shortcuts: Shortcut[]
}

/**
 * A Mac, where Mod is Cmd (⌘). navigator.platform says "MacIntel" still, but is deprecated and may
 * be frozen; the client hints' platform ("macOS") is asked first where Chromium has them.
 */
export function onMac(nav: { platform?: string; userAgentData?: { platform?: string } } | undefined): boolean {
  const platform = nav?.userAgentData?.platform || nav?.platform || ''
  return /^mac|iphone|ipad/i.test(platform)
}

export const isMac = onMac(typeof navigator === 'undefined' ? undefined : navigator)

/** "Mod+Shift+F" as this machine's keyboard says it: Ctrl+Shift+F, or ⌘+Shift+F on a Mac. */
export function keyName(keys: string): string {
  return keys.replace(/Mod/g, isMac ? '⌘' : 'Ctrl')
}

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: ['Mod+N'], does: 'New story' },
      { keys: ['Mod+S'], does: 'Save now (stories also save themselves as you pause)' },
      { keys: ['Mod+Shift+F'], does: 'Find in the library (search box)' },
      { keys: ['Mod+Shift+O'], does: 'Import wire copy (File menu)' },
      { keys: ['Mod+E'], does: 'Export HTML…' },
      { keys: ['Mod+/', '?'], does: 'This list of shortcuts' },
      { keys: ['Tab', 'Shift+Tab'], does: 'Next or previous control; the first Tab offers skip links' },
      { keys: ['Escape'], does: 'Close a dialog, the find bar, the link popover or the side panel drawer' },
    ],
  },
  {
    title: 'Library list',
    shortcuts: [
      { keys: ['↑', '↓'], does: 'Previous or next story' },
      { keys: ['Page Up', 'Page Down'], does: 'A screenful up or down' },
      { keys: ['Home', 'End'], does: 'First or last story' },
      { keys: ['a–z'], does: 'Jump to the next headline starting with what you type' },
      { keys: ['Enter', 'Space'], does: 'Open the story' },
      { keys: ['Escape'], does: 'In the search box: clear the search' },
    ],
  },
  {
    title: 'Story body',
    shortcuts: [
      { keys: ['Mod+F'], does: 'Find and replace in the body' },
      { keys: ['Enter', 'Shift+Enter'], does: 'In Find: next or previous match; in Replace: replace this one' },
      { keys: ['Mod+Z'], does: 'Undo' },
      { keys: ['Mod+Shift+Z', 'Ctrl+Y'], does: 'Redo' },
      { keys: ['Mod+B'], does: 'Bold' },
      { keys: ['Mod+I'], does: 'Italic' },
      { keys: ['Mod+U'], does: 'Underline' },
      { keys: ['## ', '### '], does: 'At the start of a line: subheading, minor heading' },
      { keys: ['- ', '1. '], does: 'At the start of a line: bulleted or numbered list' },
      { keys: ['> '], does: 'At the start of a line: block quote' },
      { keys: ['**text**', '*text*'], does: 'Bold or italic as you type' },
      { keys: ['Mod+K'], does: 'Link the selected words, or edit, open or remove the link at the caret' },
      { keys: ['Enter', 'Escape'], does: 'In the link popover: apply the address, or go back to the text' },
      { keys: ['[text](address)'], does: 'A link as you type' },
      { keys: ['"', "'"], does: 'Curly quotes and apostrophes in the story’s language (house style)' },
      { keys: ['--', ' - ', '...'], does: 'A dash (the house’s), and an ellipsis …; Mod+Z straight after: as typed' },
      { keys: ['Mod+Alt+M'], does: 'Comment on the selected words (never exported)' },
      { keys: ['Mod+Enter', 'Escape'], does: 'In a comment or reply: add it; in the comment box: cancel' },
    ],
  },
  {
    title: 'Spelling',
    shortcuts: [
      { keys: ['Shift+F10', 'Menu', 'Mod+.'], does: 'On a misspelt word: open its suggestions' },
      { keys: ['↑', '↓', 'Home', 'End'], does: 'In the suggestions: move between them' },
      { keys: ['Enter'], does: 'In the suggestions: take the one chosen' },
      { keys: ['Escape', 'Tab'], does: 'Close the suggestions' },
    ],
  },
  {
    title: 'Story fields and panels',
    shortcuts: [
      { keys: ['Enter'], does: 'In Byline name: add the byline' },
      { keys: ['←', '→', '↑', '↓'], does: 'On the panel tabs: previous or next panel' },
      { keys: ['Home', 'End'], does: 'On the panel tabs: first or last panel' },
      { keys: ['Alt+↑', 'Alt+↓'], does: 'On a related story: move it up or down the list' },
      { keys: ['Escape'], does: 'In a search box of the Related panel: clear it' },
    ],
  },
]
