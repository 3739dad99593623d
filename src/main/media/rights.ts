/**
 * The words a published picture carries inside its file: who made it, the credit line, the
 * copyright notice and the caption (IPTC's rights guidance: keep them with the image). Nothing else
 * of the original's metadata reaches a rendition: GPS position, camera make, model and serial
 * number, software and thumbnails are what protects a source, and they are left behind.
 */
export interface PictureRights {
  creator?: string
  credit?: string
  copyright?: string
  caption?: string
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

function xml(text: string): string {
  // XML 1.0 forbids most control characters; a caption pasted from elsewhere may hold some.
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!)
  )
}

function langAlt(text: string): string {
  return `<rdf:Alt><rdf:li xml:lang="x-default">${xml(text)}</rdf:li></rdf:Alt>`
}

/**
 * The rights as an XMP packet, in the properties the IPTC Photo Metadata Standard maps them to:
 * dc:creator (Creator), photoshop:Credit (Credit Line), dc:rights (Copyright Notice) and
 * dc:description (Description, the caption). XMP is UTF-8, so every name survives as written.
 * Undefined when there is nothing to say.
 */
export function rightsXmp(rights: PictureRights): string | undefined {
  const props: string[] = []
  if (rights.creator) props.push(`<dc:creator><rdf:Seq><rdf:li>${xml(rights.creator)}</rdf:li></rdf:Seq></dc:creator>`)
  if (rights.credit) props.push(`<photoshop:Credit>${xml(rights.credit)}</photoshop:Credit>`)
  if (rights.copyright) props.push(`<dc:rights>${langAlt(rights.copyright)}</dc:rights>`)
  if (rights.caption) props.push(`<dc:description>${langAlt(rights.caption)}</dc:description>`)
  if (!props.length) return undefined
  return (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">' +
    props.join('') +
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="r"?>'
  )
}

/** The rights among the words of a picture's own metadata (picture-metadata.ts reads them). */
export function rightsFrom(words: PictureRights & { alt?: string }): PictureRights {
  const rights: PictureRights = {
    creator: words.creator,
    credit: words.credit,
    copyright: words.copyright,
    caption: words.caption,
  }
  return Object.fromEntries(Object.entries(rights).filter(([, v]) => v))
}
