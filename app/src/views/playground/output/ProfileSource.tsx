import type { ProfileSource as Source } from '@mcp-auth-playground/core';
import { ExternalLink } from '../../../components/ExternalLink.tsx';
import './profile-source.css';

const CONFIDENCE_TEXT: Readonly<Record<Source['confidence'], string>> = {
  'verified-from-source': 'Verified from source',
  inferred: 'Inferred',
};

const CONFIDENCE_HINT: Readonly<Record<Source['confidence'], string>> = {
  'verified-from-source': 'every rule of this profile was read in the code or text linked here',
  inferred: 'part of this profile is deduced rather than read in one version of the code',
};

/** Where a profile's behaviour was read from, so a reader can check the model against it. */
export function ProfileSource({ source }: { source: Source }) {
  return (
    <p className="profile-source" data-testid="profile-source">
      Modelled on <ExternalLink href={source.url}>{source.name}</ExternalLink>
      {source.file !== undefined && (
        <>
          , <code>{source.file}</code>
        </>
      )}
      , {source.version}
      {source.checked !== undefined && <>, read {source.checked}</>}.{' '}
      <span
        className={`confidence confidence-${source.confidence}`}
        data-testid="profile-confidence"
      >
        {CONFIDENCE_TEXT[source.confidence]}
      </span>
      <span className="visually-hidden">: {CONFIDENCE_HINT[source.confidence]}.</span>
    </p>
  );
}

/** A row tag for a profile that is partly deduced, so it stands out before the row is opened. */
export function InferredTag({ source }: { source: Source }) {
  if (source.confidence !== 'inferred') return null;
  return (
    <span className="tag confidence-inferred" title={CONFIDENCE_HINT.inferred}>
      inferred
    </span>
  );
}
