import type { RegistrationData } from '@mcp-auth-playground/client';
import { Facts, JsonBlock } from '../common.tsx';

const METHOD_TEXT = {
  'pre-registered': 'Pre-registered client',
  cimd: 'Client ID Metadata Document',
  dcr: 'Dynamic Client Registration',
} as const;

export function RegistrationDetails({ data }: { data: RegistrationData }) {
  return (
    <>
      <Facts
        items={[
          ['Method', METHOD_TEXT[data.method]],
          ['Why', data.reason],
          ['client_id', <code key="id">{data.clientId}</code>],
        ]}
      />
      {data.notes.length > 0 && (
        <ul className="flow-notes">
          {data.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <JsonBlock value={data.clientMetadata} label="Client metadata the decision reads" />
    </>
  );
}
