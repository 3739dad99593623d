import type { EditorThemeClasses } from 'lexical'

export const bodyTheme: EditorThemeClasses = {
  paragraph: 'body-p',
  heading: { h1: 'body-h2', h2: 'body-h2', h3: 'body-h3', h4: 'body-h4', h5: 'body-h4', h6: 'body-h4' },
  quote: 'body-quote',
  list: { ul: 'body-ul', ol: 'body-ol', listitem: 'body-li', nested: { listitem: 'body-li-nested' } },
  link: 'body-link',
  mark: 'body-comment',
  markOverlap: 'body-comment-overlap',
  text: { bold: 'body-bold', italic: 'body-italic', underline: 'body-underline', strikethrough: 'body-strike' },
}
