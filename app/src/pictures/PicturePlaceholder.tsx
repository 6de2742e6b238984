/** Fills a picture's reserved box while its drawing code loads. */
export function PicturePlaceholder({ text }: { text: string }) {
  return (
    <div className="picture-placeholder" role="status">
      {text}
    </div>
  );
}
