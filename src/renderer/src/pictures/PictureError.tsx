/** Why a picture could not be added, said where the editor chose it (announced: role alert). */
export function PictureError({ error }: { error: string | null | undefined }) {
  if (!error) return null
  return (
    <p className="picture-error" role="alert">
      {error}
    </p>
  )
}
