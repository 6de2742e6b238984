import type { NodeStatus } from '@mcp-auth-playground/core';
import { OUTCOME_TEXT } from '../../views/playground/output/words.ts';
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
  const parts = [
    node.step === undefined ? label : `Step ${node.step + 1}: ${label}`,
    `${model.title}: ${statusText(node.status).toLowerCase()}.`,
  ];
  if (node.origin === 'other' && model.otherTitle) {
    parts[0] = `Only in ${model.otherTitle}'s rule: ${label}`;
  }
  if (model.otherTitle && node.other !== undefined) {
    const words = node.otherLabel ? ` (its rule: “${node.otherLabel}”)` : '';
    parts.push(`${model.otherTitle}: ${statusText(node.other).toLowerCase()}${words}.`);
    if (node.differs) parts.push('The two differ here.');
  }
  parts.push(`Spec: ${node.cite.title}.`);
  return parts.join(' ');
}
