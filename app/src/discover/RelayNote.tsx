import type { RelayStatus } from './relay.ts';

/** Says whether servers without CORS headers can be read, and how to change that. */
export function RelayNote({ status }: { status: RelayStatus | undefined }) {
  if (status === undefined) return null;
  let text: string;
  switch (status.kind) {
    case 'available':
      text = `Servers that send no CORS headers are read through the testbed's relay at ${status.endpoint.origin}; such requests are marked relayed.`;
      break;
    case 'absent':
      text =
        'No local relay is running, so a server that sends no CORS headers can only be named, not read: start the testbed (npm start) to read it through the relay.';
      break;
    case 'hosted':
      text =
        'This hosted playground has no relay: it reads only servers that send CORS headers. Run the playground locally (npm start) to read others through the testbed’s relay.';
      break;
  }
  return (
    <p className="hint relay-note" data-relay={status.kind}>
      {text}
    </p>
  );
}
