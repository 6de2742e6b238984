// After the authorization server sends the browser back, the page starts again at its top while
// the step that just ran is thousands of pixels down. /callback notes the return here, and the
// flow page, once the flow has settled, takes the reader to that step.

let returned = false;

/** Notes that this page load came back from the authorization server (called on /callback). */
export function noteReturnFromRedirect(): void {
  returned = true;
}

/** Whether a return is still to be shown to the reader. */
export function returnToShow(): boolean {
  return returned;
}

/** Notes that the reader has been taken to the step: a later visit to the page stays put. */
export function returnShown(): void {
  returned = false;
}
