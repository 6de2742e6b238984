import {
  decodeScenario,
  DEFAULT_PRESET,
  PROFILES,
  type Preset,
  type ProfileId,
  type Scenario,
} from '@mcp-auth-playground/core';
import { useCallback, useEffect, useReducer, useRef, useState, type Dispatch } from 'react';
import { draftsReducer, type Drafts, type DraftsAction } from '../../../shared/drafts.ts';
import {
  encodedScenarioIn,
  hashOf,
  isForeignHash,
  markOpened,
  replaceHash,
} from '../../../shared/permalink.ts';
import { draftsOf } from './scenario.ts';
import {
  loadStoredDrafts,
  rememberAddress,
  rememberedAddress,
  storeDrafts,
  withoutSecrets,
  type StoreResult,
} from './storage.ts';

export type LinkState =
  { kind: 'none' } | { kind: 'opening'; encoded: string } | { kind: 'bad'; message: string };

const STORE_DELAY_MS = 300;
const HASH_DELAY_MS = 400;

function isProfileId(id: string): id is ProfileId {
  return PROFILES.some((profile) => profile.id === id);
}

interface Boot {
  drafts: Drafts;
  /** What an earlier visit left in this browser, for the way back from a bad link. */
  stored: Drafts | undefined;
  link: LinkState;
}

/** The client document an earlier save kept, the fallback when the current one cannot be cleaned. */
function storedClientDocument() {
  return loadStoredDrafts(isProfileId)?.documents.clientMetadata;
}

function boot(): Boot {
  const stored = loadStoredDrafts(isProfileId);
  const { hash } = window.location;
  const encoded = encodedScenarioIn(hash);
  // A link in the address wins over this browser's drafts, unless it is the drafts' own address
  // (a reload): the drafts then say more than the link, such as text that is not JSON yet.
  const reload = stored !== undefined && rememberedAddress() === hash;
  if (encoded !== undefined) markOpened(hash);
  return {
    drafts: stored ?? draftsOf(DEFAULT_PRESET.scenario),
    stored,
    link: encoded === undefined || reload ? { kind: 'none' } : { kind: 'opening', encoded },
  };
}

export interface PlaygroundState {
  drafts: Drafts;
  dispatch: Dispatch<DraftsAction>;
  link: LinkState;
  /** Whether an earlier visit left drafts in this browser. */
  hasStoredDrafts: boolean;
  storage: StoreResult | undefined;
  /** What core dropped from the link that opened the page (credentials, unknown fields). */
  linkNotes: readonly string[];
  /** The preset last loaded, and whether the drafts still show it unchanged. */
  preset: { preset: Preset; edited: boolean } | undefined;
  loadPreset: (preset: Preset) => void;
  /** Leaves a bad link for the drafts this browser kept. */
  loadStored: () => void;
}

/**
 * The drafts and where they live: restored from a permalink (which wins) or from this browser,
 * saved back to this browser as they change. `useHashSync` writes the permalink.
 */
export function usePlaygroundState(): PlaygroundState {
  const [initial] = useState(boot);
  const [drafts, dispatch] = useReducer(draftsReducer, initial.drafts);
  const [link, setLink] = useState<LinkState>(initial.link);
  const [storage, setStorage] = useState<StoreResult | undefined>(undefined);
  const [linkNotes, setLinkNotes] = useState<readonly string[]>([]);
  const [loaded, setLoaded] = useState<{ preset: Preset; drafts: Drafts } | undefined>(undefined);
  // Counts the loads that could make a real preset's note stale: a link opened, a preset chosen.
  const latestLoad = useRef(0);

  // Drafts that show a real-server preset as published (a link to one, or a reload of one) get
  // its note, which says which document was published. The presets list's module knows those
  // documents; it loads right after the first paint anyway, and asking it (rather than a module
  // of its own) keeps the chunks of the first paint as they were.
  const noteRealPreset = useCallback((shown: Drafts) => {
    const load = ++latestLoad.current;
    void import('../PresetsList.tsx').then(
      ({ realPresetShowing }) => {
        if (latestLoad.current !== load) return;
        const preset = realPresetShowing(shown);
        setLoaded(preset && { preset, drafts: shown });
      },
      // Without the module the page still works; only the note is missing.
      () => undefined,
    );
  }, []);

  useEffect(() => {
    if (initial.link.kind === 'none') noteRealPreset(initial.drafts);
  }, [initial, noteRealPreset]);

  // Open the scenario a link carries, on load and whenever the hash is replaced by hand.
  useEffect(() => {
    if (link.kind !== 'opening') return;
    let cancelled = false;
    void decodeScenario(link.encoded).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        const linkDrafts = draftsOf(result.scenario);
        dispatch({ type: 'load', drafts: linkDrafts });
        setLinkNotes(result.notes);
        setLink({ kind: 'none' });
        noteRealPreset(linkDrafts);
      } else {
        setLink({ kind: 'bad', message: result.message });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [link, noteRealPreset]);

  useEffect(() => {
    function onHashChange() {
      const { hash } = window.location;
      const encoded = encodedScenarioIn(hash);
      if (encoded === undefined || !isForeignHash(hash)) return;
      markOpened(hash);
      setLink({ kind: 'opening', encoded });
    }
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  // Keep the drafts in this browser shortly after each change, and at the latest when the page
  // is hidden (a reload, a closed tab) or the view goes away, so nothing typed is lost.
  const unsaved = useRef<Drafts | undefined>(undefined);
  const save = useCallback(() => {
    const drafts = unsaved.current;
    if (!drafts) return;
    unsaved.current = undefined;
    setStorage(storeDrafts(withoutSecrets(drafts, storedClientDocument)));
  }, []);

  useEffect(() => {
    if (link.kind !== 'none') return;
    unsaved.current = drafts;
    const timer = window.setTimeout(save, STORE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [drafts, link.kind, save]);

  useEffect(() => {
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('pagehide', save);
      save();
    };
  }, [save]);

  const loadPreset = useCallback((preset: Preset) => {
    latestLoad.current++;
    const presetDrafts = draftsOf(preset.scenario);
    dispatch({ type: 'load', drafts: presetDrafts });
    setLoaded({ preset, drafts: presetDrafts });
    setLink({ kind: 'none' });
  }, []);

  const loadStored = useCallback(() => {
    const stored = loadStoredDrafts(isProfileId) ?? initial.stored;
    if (stored) dispatch({ type: 'load', drafts: stored });
    setLink({ kind: 'none' });
  }, [initial.stored]);

  return {
    drafts,
    dispatch,
    link,
    hasStoredDrafts: initial.stored !== undefined,
    storage,
    linkNotes,
    preset: loaded && { preset: loaded.preset, edited: loaded.drafts !== drafts },
    loadPreset,
    loadStored,
  };
}

export type HashState = 'synced' | 'too-large';

/**
 * Mirrors the scenario into the address bar (`#s=`), a moment after the last change, with
 * replaceState so typing does not fill the history. A scenario too large for a link takes the
 * old link out of the address, so the address never shows a state the page is not in.
 */
export function useHashSync(scenario: Scenario): HashState {
  const [state, setState] = useState<HashState>('synced');
  useEffect(() => {
    let cancelled = false;
    const timer = window.setTimeout(() => {
      void hashOf(scenario).then(
        (hash) => {
          if (cancelled) return;
          replaceHash(hash ?? '');
          rememberAddress(hash ?? '');
          setState(hash === undefined ? 'too-large' : 'synced');
        },
        () => {
          if (!cancelled) setState('too-large');
        },
      );
    }, HASH_DELAY_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [scenario]);
  return state;
}
