// When the code editor replaces the plain fallback while someone is typing in it, the cursor
// moves over: the fallback leaves its position here and the editor picks it up on mount.

const pending = new Map<string, number>();

export function leaveCursor(label: string, position: number): void {
  pending.set(label, position);
}

export function takeCursor(label: string): number | undefined {
  const position = pending.get(label);
  pending.delete(label);
  return position;
}
