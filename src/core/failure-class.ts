/**
 * Which kind of failure a capture attempt ended in, from the stage that failed and the reason
 * (which includes the server's last stderr lines). Pure; the rules are ordered, first match wins.
 */
import type { FailureClass } from './schema.ts';

/** Where a capture attempt stopped. */
export type FailureStage = 'install' | 'start' | 'snapshot' | 'configuration';

interface FailureRule {
  class: FailureClass;
  /** Matched against the whole reason as written (error codes: `ENOTFOUND`, not `ModuleNotFound`). */
  pattern: RegExp;
}

/**
 * For failures while starting or listing: the server's words say what it was missing. Network
 * comes first (a token check that cannot reach its API is a network problem), then a backend on
 * loopback that refused or never answered, then credentials, then a plain timeout.
 */
export const START_FAILURE_RULES: readonly FailureRule[] = [
  {
    class: 'needs-network',
    pattern:
      /\bENOTFOUND\b|\bEAI_AGAIN\b|getaddrinfo|\bENETUNREACH\b|[Nn]etwork is unreachable|[Tt]emporary failure in name resolution|[Nn]ame or service not known|[Cc]ould not resolve host|no such host|[Ff]ailed to resolve|fetch failed|[Ff]ailed to establish a new connection|NameResolutionError|ConnectTimeout|[Uu]nable to connect to the internet/,
  },
  {
    class: 'needs-service',
    pattern: /\bECONNREFUSED\b|[Cc]onnection refused|[Cc]ould not connect to (?:server|database)|[Ff]ailed to connect to|connection to server .* failed|[Ss]erver selection timed out|\bECONNRESET\b|All connection attempts failed/,
  },
  {
    class: 'needs-credentials',
    pattern:
      /api[ _-]?key|access[ _-]?key|(?:^|[^a-z])tokens?(?:[^a-z]|$)|credential|unauthori[sz]ed|\b401\b|authenticat|oauth|client[ _-]?secret|password|not logged in|login required/i,
  },
  { class: 'timeout', pattern: /^timed out after/ },
];

/** The failure class of one attempt. */
export function classifyFailure(stage: FailureStage, reason: string): FailureClass {
  switch (stage) {
    case 'install':
      return 'install';
    case 'configuration':
      return 'needs-configuration';
    case 'snapshot':
      return 'bad-tool-list';
    case 'start':
      return START_FAILURE_RULES.find((rule) => rule.pattern.test(reason))?.class ?? 'start';
  }
}

/** One line per class, for summaries and the home page. */
export const FAILURE_CLASS_LABELS: Readonly<Record<FailureClass, string>> = {
  install: 'install failed',
  start: 'exited at start',
  timeout: 'never answered (timed out)',
  'needs-credentials': 'needs real credentials',
  'needs-network': 'needs the network',
  'needs-service': 'needs a running service',
  'needs-configuration': 'needs real configuration',
  'bad-tool-list': 'empty or unusable tool list',
};
