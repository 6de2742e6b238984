// The messages between an embed and the page around it, apart from the code that sends them, so
// the playground can write them into the embed code without loading that code.
// docs/embedding.md documents them for hosts; keep the two in step.

export const HEIGHT_MESSAGE_TYPE = 'mcp-auth-playground:height';

/**
 * What a host sends to ask for the height again: a listener installed after the embed loaded
 * (the copied code's, which runs on the iframe's load event) has missed the first report.
 */
export const MEASURE_MESSAGE_TYPE = 'mcp-auth-playground:measure';

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE_TYPE;
  /** The embed's content height in CSS pixels, rounded up. */
  height: number;
}
