import type { StoryPreview } from '@shared/export'

/**
 * The story as a social site shows a link to it (Facebook, LinkedIn, X with summary_large_image):
 * the lead picture's 1200 x 630 crop, centred on its focal point, over the headline and standfirst.
 * The crop is the very file the export writes as og:image.
 */
export function SocialCard({
  card,
  headline,
  standfirst,
  alt,
}: {
  card: NonNullable<StoryPreview['card']>
  headline: string
  standfirst: string
  alt: string
}) {
  return (
    <figure className="social-card" aria-label="Social card">
      <img src={card.src} width={card.width} height={card.height} alt={alt} data-testid="social-card-image" />
      <figcaption>
        <strong>{headline || 'Untitled story'}</strong>
        {standfirst && <span>{standfirst}</span>}
      </figcaption>
    </figure>
  )
}
