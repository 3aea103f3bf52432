import { storage } from 'wxt/utils/storage';

/**
 * A tracker the user runs on their own domain (self-hosted GitLab, Jira Data
 * Center, Redmine, Gitea…), or a web app that opted in to the
 * `data-timecamp-*` attribute contract (integration `attributes`).
 */
export interface SelfHostedDomain {
  /** Host name, optionally with a port: `gitlab.example.com`, `redmine.example.org:8443`. */
  domain: string;
  /** An integration id (`gitlab`, `jira`, `redmine`, `gitea`, …) or `attributes`. */
  integration: string;
}

/** The options page adds domains (after the user grants access); the background registers content scripts for them. */
export const selfHostedDomains = storage.defineItem<SelfHostedDomain[]>('local:selfHostedDomains', { fallback: [] });

/** A tracker the user describes with CSS selectors on the options page: data only, no code. */
export interface CustomIntegration {
  id: string;
  name: string;
  domain: string;
  /** A regular expression the page's path (and query) must match, e.g. `^/tickets/\d+`. */
  pathPattern: string;
  /** Where the button goes. */
  anchor: string;
  position: 'before' | 'after' | 'inside' | 'prepend';
  /** The element whose text is the title. */
  title: string;
  /** The element whose text is the key (e.g. `TCK-12`); empty: the last number in the URL's path. */
  key: string;
}

export const customIntegrations = storage.defineItem<CustomIntegration[]>('local:customIntegrations', { fallback: [] });
