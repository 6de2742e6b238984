/**
 * Text from core in which `backticks` mark field names and values: shown as code. The text is
 * rendered as React text nodes only, so markup inside hostile metadata stays text.
 */
export function InlineCode({ text }: { text: string }) {
  const parts = text.split('`');
  // An unmatched backtick leaves an even number of parts: show the text as it is.
  if (parts.length % 2 === 0) return <>{text}</>;
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <code key={index}>{part}</code>
        ) : part === '' ? null : (
          <span key={index}>{part}</span>
        ),
      )}
    </>
  );
}
