import type { NodeStatus } from '@mcp-auth-playground/core';
import { OUTCOME_TEXT } from '../../shared/words.ts';
import type { ChartNode, FlowchartModel } from './model.ts';

// Words and states of a drawn node, needed only once the drawing code has loaded.

export function statusText(status: NodeStatus): string {
  return status === 'not-reached' ? 'Not reached' : OUTCOME_TEXT[status];
}

/** Whether the decision visited the node (a lit node), whatever it did there. */
export function isTaken(status: NodeStatus | undefined): boolean {
  return status !== undefined && status !== 'not-reached';
}

/** Whether the node changed the request (a filled node) rather than passing the decision on. */
export function tookEffect(status: NodeStatus | undefined): boolean {
  return status === 'used' || status === 'applied';
}

/** The sentence a screen reader hears for a node, and the tooltip a pointer shows. */
export function nodeDescription(model: FlowchartModel, node: ChartNode): string {
  const label = /[.?!]$/.test(node.label) ? node.label : `${node.label}.`;
  const own = `${model.title}: ${statusText(node.status).toLowerCase()}.`;
  const parts = [node.step === undefined ? label : `Step ${node.step + 1}: ${label}`];
  if (node.origin === 'other' && model.otherTitle) {
    parts[0] = `Only in ${model.otherTitle}'s rule: ${label}`;
  }
  if (model.otherTitle && node.other !== undefined) {
    // Where its rule words the node otherwise, its own words, as the node shows them.
    const words = node.otherLabel ? `${node.otherLabel.replace(/[.]$/, '')}; ` : '';
    const theirs = `${model.otherTitle}: ${words}${statusText(node.other).toLowerCase()}.`;
    // Those words are drawn right under the node's own, so they follow them here too: a name
    // holds the words its control shows, in their order (WCAG 2.5.3).
    parts.push(...(node.otherLabel ? [theirs, own] : [own, theirs]));
    if (node.differs) parts.push('The two differ here.');
  } else {
    parts.push(own);
  }
  parts.push(`Spec: ${node.cite.title}.`);
  return parts.join(' ');
}
