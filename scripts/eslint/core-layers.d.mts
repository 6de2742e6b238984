import type { ESLint } from 'eslint';

/** The local plugin: 'layer-order' and 'no-cycle', both taking { root, layers }. */
declare const plugin: ESLint.Plugin & {
  rules: Record<'layer-order' | 'no-cycle', import('eslint').Rule.RuleModule>;
};
export default plugin;
