// The storage behind one authorization server (oidc-provider's adapter interface). oidc-provider's
// own memory adapter keeps every kind of entry in one LRU of 1000 per provider, so a flood of
// client registrations evicted the login sessions and pending interactions of real users
// ("interaction session not found"). Here each kind has its own bounded map: registered clients
// live in a capped store that refuses new registrations when full (the caller checks
// hasClientRoom first), and never push out a session, an interaction or a grant.

type Payload = Record<string, unknown> & {
  grantId?: string;
  uid?: string;
  userCode?: string;
  consumed?: number;
};

interface Stored {
  payload: Payload;
  /** Epoch milliseconds; Infinity for entries without a lifetime. */
  expiresAt: number;
}

export interface ProviderStoreLimits {
  /** Registered clients kept at once; beyond it registration is refused. */
  maxClients: number;
  /** How long a registered client is kept (oidc-provider gives them no lifetime). */
  clientTtlSeconds: number;
  /** Entries of every other kind (sessions, interactions, grants, codes, tokens) kept at once. */
  maxPerKind: number;
}

export type ClientRoom = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface ProviderStore {
  /** The class oidc-provider's `adapter` option takes: one instance per model name. */
  Adapter: new (model: string) => ProviderAdapter;
  /** Whether one more client may register now; when not, when the oldest one expires. */
  hasClientRoom(): ClientRoom;
  /** Entries kept, by model name (for tests and the bench). */
  sizes(): Record<string, number>;
}

export interface ProviderAdapter {
  upsert(id: string, payload: Payload, expiresIn?: number): Promise<void>;
  find(id: string): Promise<Payload | undefined>;
  findByUid(uid: string): Promise<Payload | undefined>;
  findByUserCode(userCode: string): Promise<Payload | undefined>;
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
}

/** Models whose entries belong to a grant and go when it is revoked (oidc-provider's list). */
const GRANTABLE: ReadonlySet<string> = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
  'PreAuthorizedCode',
]);

export function createProviderStore(
  limits: ProviderStoreLimits,
  now: () => number = Date.now,
): ProviderStore {
  const kinds = new Map<string, Map<string, Stored>>();
  const sessionIdByUid = new Map<string, string>();
  const idByUserCode = new Map<string, string>();
  /** grantId → the `${model}\0${id}` keys of its entries. */
  const grantMembers = new Map<string, Set<string>>();

  function kind(model: string): Map<string, Stored> {
    let entries = kinds.get(model);
    if (!entries) {
      entries = new Map();
      kinds.set(model, entries);
    }
    return entries;
  }

  function unindex(model: string, id: string, payload: Payload): void {
    if (payload.uid !== undefined && sessionIdByUid.get(payload.uid) === id) {
      sessionIdByUid.delete(payload.uid);
    }
    if (payload.userCode !== undefined && idByUserCode.get(payload.userCode) === id) {
      idByUserCode.delete(payload.userCode);
    }
    if (GRANTABLE.has(model) && payload.grantId !== undefined) {
      const members = grantMembers.get(payload.grantId);
      members?.delete(`${model}\0${id}`);
      if (members?.size === 0) grantMembers.delete(payload.grantId);
    }
  }

  function remove(model: string, id: string): void {
    const entries = kinds.get(model);
    const stored = entries?.get(id);
    if (!entries || !stored) return;
    entries.delete(id);
    unindex(model, id, stored.payload);
  }

  function dropExpired(model: string, entries: Map<string, Stored>): void {
    const time = now();
    for (const [id, stored] of entries) {
      if (stored.expiresAt <= time) remove(model, id);
    }
  }

  function read(model: string, id: string | undefined): Payload | undefined {
    if (id === undefined) return undefined;
    const stored = kinds.get(model)?.get(id);
    if (!stored) return undefined;
    if (stored.expiresAt <= now()) {
      remove(model, id);
      return undefined;
    }
    return stored.payload;
  }

  class Adapter implements ProviderAdapter {
    constructor(private readonly model: string) {}

    upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
      const { model } = this;
      const entries = kind(model);
      remove(model, id);
      const lifetime =
        typeof expiresIn === 'number'
          ? expiresIn
          : model === 'Client'
            ? limits.clientTtlSeconds
            : undefined;
      const expiresAt = lifetime === undefined ? Infinity : now() + lifetime * 1000;
      if (model !== 'Client' && entries.size >= limits.maxPerKind) {
        dropExpired(model, entries);
        // Still full: the oldest entry of this same kind goes, never one of another kind.
        while (entries.size >= limits.maxPerKind) {
          const oldest = entries.keys().next();
          if (oldest.done) break;
          remove(model, oldest.value);
        }
      }
      entries.set(id, { payload, expiresAt });
      if (model === 'Session' && payload.uid !== undefined) sessionIdByUid.set(payload.uid, id);
      if (payload.userCode !== undefined) idByUserCode.set(payload.userCode, id);
      if (GRANTABLE.has(model) && payload.grantId !== undefined) {
        let members = grantMembers.get(payload.grantId);
        if (!members) {
          members = new Set();
          grantMembers.set(payload.grantId, members);
        }
        members.add(`${model}\0${id}`);
      }
      return Promise.resolve();
    }

    find(id: string): Promise<Payload | undefined> {
      return Promise.resolve(read(this.model, id));
    }

    findByUid(uid: string): Promise<Payload | undefined> {
      return Promise.resolve(read(this.model, sessionIdByUid.get(uid)));
    }

    findByUserCode(userCode: string): Promise<Payload | undefined> {
      return Promise.resolve(read(this.model, idByUserCode.get(userCode)));
    }

    consume(id: string): Promise<void> {
      const payload = read(this.model, id);
      if (payload) payload.consumed = Math.floor(now() / 1000);
      return Promise.resolve();
    }

    destroy(id: string): Promise<void> {
      remove(this.model, id);
      return Promise.resolve();
    }

    revokeByGrantId(grantId: string): Promise<void> {
      for (const key of [...(grantMembers.get(grantId) ?? [])]) {
        const [model = '', id = ''] = key.split('\0');
        remove(model, id);
      }
      grantMembers.delete(grantId);
      return Promise.resolve();
    }
  }

  return {
    Adapter,
    hasClientRoom() {
      const clients = kind('Client');
      if (clients.size < limits.maxClients) return { ok: true };
      dropExpired('Client', clients);
      if (clients.size < limits.maxClients) return { ok: true };
      let soonest = Infinity;
      for (const { expiresAt } of clients.values()) soonest = Math.min(soonest, expiresAt);
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((soonest - now()) / 1000)),
      };
    },
    sizes() {
      return Object.fromEntries([...kinds].map(([model, entries]) => [model, entries.size]));
    },
  };
}
