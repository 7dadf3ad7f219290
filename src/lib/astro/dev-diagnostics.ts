// The diagnostics panel of `astro dev` (server side): a page of the development server shows the
// problems in its own content file (src/dev/diagnostics-panel.ts draws them). This integration
// injects the panel's script into every page and answers DIAGNOSTICS_PATH from the site data folder
// the content loader keeps up to date (src/lib/build/page-diagnostics.ts); when the loader's next run
// rewrites the report (after an editor saves), it tells the open pages to ask again. All of it exists
// only under the dev server: in `astro build` the script is not injected and there is no endpoint, so
// a production build has no trace of it (tests/e2e/dev-panel.test.ts checks).

import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { resolveContentDir } from '../../config.ts';
import { pageDiagnostics, reportStamp } from '../build/page-diagnostics.ts';
import { siteDataDir } from '../build/site-data.ts';

export const DIAGNOSTICS_PATH = '/__kb/diagnostics.json';
/** The custom HMR event that tells pages the report changed. */
export const DIAGNOSTICS_EVENT = 'kb:diagnostics';
const PANEL_SCRIPT = fileURLToPath(new URL('../../dev/diagnostics-panel.ts', import.meta.url));
/** How often the report's modification time is looked at (a stat call). */
const POLL_MS = 300;

export function devDiagnostics(): AstroIntegration {
  let dataDir = '';
  return {
    name: 'kb-dev-diagnostics',
    hooks: {
      'astro:config:setup': ({ command, injectScript }) => {
        if (command === 'dev') injectScript('page', `import ${JSON.stringify(PANEL_SCRIPT)};`);
      },
      'astro:config:done': ({ config }) => {
        dataDir = siteDataDir(fileURLToPath(config.cacheDir), resolveContentDir());
      },
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use((req, res, next) => {
          const url = new URL(req.url ?? '/', 'http://localhost');
          if (url.pathname !== DIAGNOSTICS_PATH) return next();
          try {
            const body = JSON.stringify(pageDiagnostics(dataDir, url.searchParams.get('path') ?? '/'));
            res.setHeader('Content-Type', 'application/json; charset=utf-8');
            res.setHeader('Cache-Control', 'no-store');
            res.end(body);
          } catch (error) {
            logger.error(`could not read the diagnostics: ${error instanceof Error ? error.message : String(error)}`);
            res.statusCode = 500;
            res.end('the diagnostics could not be read');
          }
        });
        let stamp = reportStamp(dataDir);
        const timer = setInterval(() => {
          const now = reportStamp(dataDir);
          if (now === stamp) return;
          stamp = now;
          server.hot.send(DIAGNOSTICS_EVENT, {});
        }, POLL_MS);
        timer.unref();
        server.httpServer?.once('close', () => clearInterval(timer));
      },
    },
  };
}
