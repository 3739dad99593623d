import { decodeEntities, oneLine } from './text'
import { child, childrenNamed, textOf, type XElement, type XNode } from './xml'

/**
 * NewsML 1.2 says what each NewsComponent is by its Role (FormalName from the provider's vocabulary),
 * not by its position: Business Wire sends a StyleSheet, a SubHeadLine, a HeadLine, a Contact, Logo
 * and Photo components and then the Body; Reuters nests MAIN > TEXT; EFE's single component is Main.
 * These helpers find the parts by role so a stylesheet or a title is never taken for the text.
 */

const text = (node: XNode | undefined) => oneLine(decodeEntities(textOf(node)))

export function roleOf(component: XElement): string {
  return (child(component, 'Role')?.attrs.FormalName ?? '').trim()
}

/** Every NewsComponent under (and including) this one, in document order. */
export function components(root: XElement | undefined, out: XElement[] = []): XElement[] {
  if (!root) return out
  if (root.name === 'NewsComponent') out.push(root)
  for (const c of root.children) if (typeof c === 'object') components(c, out)
  return out
}

const BODY_ROLES = /^(body|main|text|story|article|content|bodytext|body text|fulltext|mainbody)$/i
const NOT_BODY_ROLES =
  /style ?sheet|^(sub)?head ?line$|^title$|contact|logo|photo|picture|graphic|image|caption|byline|dateline|abstract|summary|teaser|video|audio|audiovisual|related|link|boilerplate|disclaimer/i

function mediaOf(content: XElement): string {
  return [
    child(content, 'MediaType')?.attrs.FormalName,
    child(content, 'MimeType')?.attrs.FormalName,
    child(content, 'Format')?.attrs.FormalName,
  ]
    .filter(Boolean)
    .join(' ')
}

function isTextContent(content: XElement): boolean {
  const media = mediaOf(content)
  if (/css|javascript|image|jpeg|png|gif|video|audio|photo/i.test(media)) return false
  return !media || /text|xml|html|nitf|plain/i.test(media)
}

/** The ContentItem with the story's text: the one in a component whose role says body, else the first text one not in a titled role. */
export function bodyContent(root: XElement): XElement | undefined {
  const all = components(root)
  const textItems = (component: XElement) =>
    childrenNamed(component, 'ContentItem').filter((c) => child(c, 'DataContent') && isTextContent(c))
  for (const component of all)
    if (BODY_ROLES.test(roleOf(component))) {
      const found = textItems(component)[0]
      if (found) return found
    }
  for (const component of all) {
    if (NOT_BODY_ROLES.test(roleOf(component))) continue
    const found = textItems(component)[0]
    if (found) return found
  }
  return undefined
}

/** The text of the first component in this role ("SubHeadLine", "HeadLine", "Contact"), as lines. */
export function roleText(root: XElement, role: RegExp): string[] {
  for (const component of components(root)) {
    if (!role.test(roleOf(component))) continue
    const data = childrenNamed(component, 'ContentItem')
      .map((c) => child(c, 'DataContent'))
      .find(Boolean)
    if (!data) continue
    // Each block and each <br> ends a line: "Dell<br/>Lauren Mauro, 512-…" is two lines, not "DellLauren".
    let raw = ''
    const walk = (node: XNode) => {
      if (typeof node === 'string') raw += node
      else if (/^(br|p|li|div|h\d|tr|dd|dt|title)$/i.test(node.name)) {
        raw += '\n'
        if (!/^title$/i.test(node.name)) node.children.forEach(walk)
        raw += '\n'
      } else node.children.forEach(walk)
    }
    walk(data)
    const lines = raw
      .split('\n')
      .map((l) => oneLine(decodeEntities(l)))
      .filter(Boolean)
    if (lines.length) return lines
  }
  return []
}

/** The NewsLines with a headline (a package's top NewsLines may hold only a copyright line). */
export function newsLines(root: XElement): XElement[] {
  const out: XElement[] = []
  for (const component of components(root)) {
    const lines = child(component, 'NewsLines')
    if (lines) out.push(lines)
  }
  return out
}

/** The first non-empty value of a NewsLines field across all of them. */
export function firstLine(all: XElement[], name: string): string {
  for (const lines of all) {
    const value = text(child(lines, name))
    if (value) return value
  }
  return ''
}

/**
 * A package that only refers to other items (Reuters' "super linked list"): the headlines it lists,
 * each with its role when that is not text ("Picture: BILL GATES …").
 */
export function referencedHeadlines(root: XElement): string[] {
  const out: string[] = []
  for (const component of components(root)) {
    if (!childrenNamed(component, 'NewsItemRef').length) continue
    const headline = text(child(child(component, 'NewsLines'), 'HeadLine'))
    if (!headline) continue
    const parent = components(root).find((c) => c.children.includes(component))
    const role = parent ? roleOf(parent) : ''
    const kind = /picture|photo/i.test(role)
      ? 'Picture'
      : /video/i.test(role)
        ? 'Video'
        : /graphic/i.test(role)
          ? 'Graphic'
          : ''
    out.push(kind ? `${kind}: ${headline}` : headline)
  }
  return out
}
