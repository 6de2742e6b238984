import { findProfile, promptConsentPolicy, STEP_INFO } from '@mcp-auth-playground/core';
import type {
  Cite,
  HttpExchange,
  Finding,
  ScopeDecision,
  ScopeSource,
  StepOutcome,
} from '@mcp-auth-playground/core';
import type { Style } from '../style.ts';
import { indented, table, WIDTH, wrap } from '../text.ts';
import type { CheckResult } from './run.ts';

// The text report of `check`, laid out for an 80-column terminal. Every value comes from core's
// discovery and evaluation; this file only decides where it goes on the screen.

/** One request as it settles: status, time, method and URL; why, when no answer came. */
export function requestLine(exchange: HttpExchange, style: Style): string[] {
  const status = exchange.response?.status;
  const paint =
    status === undefined ? style.red : status < 400 || status === 401 ? style.green : style.yellow;
  const time = `${Math.round(exchange.durationMs ?? 0)} ms`.padStart(7);
  const method = exchange.request.method.padEnd(4);
  const lines = [
    `  ${paint(String(status ?? '---').padEnd(3))}  ${time}  ${method} ${exchange.request.url}`,
  ];
  if (exchange.failure) lines.push(...indented(exchange.failure.message, 16).map(style.dim));
  return lines;
}

/** Where and why discovery stopped, when it did: what a client would have been told. */
export function stoppedSection(result: CheckResult, style: Style): string[] {
  const { error } = result.discovery;
  if (error === undefined) return [];
  const step = error.step === undefined ? '' : ` at "${STEP_INFO[error.step].title}"`;
  return [
    style.bold(style.red(`Discovery stopped${step}`)),
    ...indented(error.message, 2),
    ...(error.cite ? indented(`${error.cite.title}: ${error.cite.url}`, 2).map(style.dim) : []),
    '',
  ];
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Discovery's findings, then the evaluation's, each id once, errors first. */
export function allFindings(result: CheckResult): Finding[] {
  const seen = new Set<string>();
  const merged: Finding[] = [];
  for (const finding of [...result.discoveryFindings, ...result.evaluation.findings]) {
    const key = `${finding.id} ${JSON.stringify(finding.path ?? [])}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(finding);
  }
  return merged.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function citation(cite: Cite | undefined): string | undefined {
  return cite === undefined ? undefined : `${cite.title}: ${cite.url}`;
}

export function findingsSection(findings: readonly Finding[], style: Style): string[] {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  const infos = findings.length - errors - warnings;
  if (findings.length === 0) return [style.bold('Findings: none'), ''];
  const lines = [
    style.bold(`Findings: ${count(errors, 'error')}, ${count(warnings, 'warning')}, ${infos} info`),
  ];
  const paint = { error: style.red, warning: style.yellow, info: style.cyan };
  for (const finding of findings) {
    const label = finding.severity.toUpperCase().padEnd(7);
    const where =
      finding.path !== undefined && finding.path.length > 0
        ? ` at ${finding.path.map(String).join('.')}`
        : '';
    lines.push(`  ${paint[finding.severity](label)}  ${style.bold(finding.id)}${style.dim(where)}`);
    lines.push(...indented(finding.message, 11));
    const cited = citation(finding.cite);
    if (cited) lines.push(...indented(cited, 11).map(style.dim));
  }
  lines.push('');
  return lines;
}

const SOURCE_LABELS: Record<ScopeSource, string> = {
  challenge: 'challenge',
  'resource-metadata': 'PRM',
  'client-metadata': 'client',
  'authorization-server': 'AS metadata',
  'step-up-union': 'step-up',
  none: 'none',
};

function scopeCell(decision: ScopeDecision): string {
  if (decision.scope === undefined) return '(omitted)';
  if (decision.scope.trim() === '') return JSON.stringify(decision.scope);
  return decision.scope;
}

const OFFLINE_LABELS: Record<ScopeDecision['offlineAccess'], string> = {
  added: 'added',
  'already-present': 'present',
  'not-added': '-',
};

/** Whether the request carries prompt=consent: core's one policy, as the preview and the flow ask it. */
function sendsPromptConsent(decision: ScopeDecision): boolean {
  return promptConsentPolicy(decision.profile, {
    ...(decision.scope === undefined ? {} : { scope: decision.scope }),
    promptConsent: decision.promptConsent,
  }).send;
}

const COLUMNS = [
  { header: 'Client', width: 21 },
  { header: 'Scope requested', width: 25 },
  { header: 'From', width: 11 },
  { header: 'Offline', width: 7 },
  { header: 'Consent', width: 7 },
] as const;

/**
 * Every profile's decision for the discovered documents, one row each, in 80 columns; the
 * selected profile is marked. Long scopes wrap inside their cell.
 */
export function decisionTable(result: CheckResult, clientLabel: string, style: Style): string[] {
  const { evaluation } = result;
  const rows = evaluation.comparison.map((decision) => [
    `${findProfile(decision.profile)?.title ?? decision.profile}${decision.profile === evaluation.profile ? ' *' : ''}`,
    scopeCell(decision),
    SOURCE_LABELS[decision.source],
    OFFLINE_LABELS[decision.offlineAccess],
    sendsPromptConsent(decision) ? 'prompt' : '-',
  ]);
  const selected = evaluation.comparison.findIndex((d) => d.profile === evaluation.profile);
  const lines = [
    style.bold('Scope each client requests'),
    ...wrap(`for ${clientLabel}`, WIDTH).map(style.dim),
    '',
    ...table(
      COLUMNS,
      rows,
      (row, column, line) => {
        if (column === 1 && rows[row]?.[1] === '(omitted)') return style.dim(line);
        return row === selected ? style.bold(line) : line;
      },
      style.dim,
    ),
    style.dim('* the profile of --profile. Offline: offline_access added to the scope. Consent:'),
    style.dim('  prompt=consent sent with it. From: where the scope came from.'),
    '',
  ];
  return lines;
}

const OUTCOME_MARKS: Record<StepOutcome, string> = {
  used: '+',
  applied: '+',
  skipped: '-',
  'not-applied': '-',
};

/** How the selected profile reached its decision, step by step, as core traced it. */
export function decisionTrace(result: CheckResult, style: Style): string[] {
  const { decision, profile } = result.evaluation;
  const title = findProfile(profile)?.title ?? profile;
  const lines = [style.bold(`How ${title} decides`)];
  for (const step of decision.steps) {
    const [first = '', ...rest] = wrap(step.detail, WIDTH - 4);
    const paint = OUTCOME_MARKS[step.outcome] === '+' ? (text: string) => text : style.dim;
    lines.push(
      `  ${OUTCOME_MARKS[step.outcome]} ${paint(first)}`,
      ...rest.map((line) => `    ${paint(line)}`),
    );
    if (step.deviation) lines.push(...indented(`Spec: ${step.deviation}`, 4).map(style.yellow));
  }
  const policy = promptConsentPolicy(decision.profile, {
    ...(decision.scope === undefined ? {} : { scope: decision.scope }),
    promptConsent: decision.promptConsent,
  });
  if (policy.added) {
    const [first = '', ...rest] = wrap(policy.added.message, WIDTH - 4);
    lines.push(`  + ${first}`, ...rest.map((line) => `    ${line}`));
  }
  lines.push('');
  return lines;
}
