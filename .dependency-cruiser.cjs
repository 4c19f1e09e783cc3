/**
 * The server's layers (see src/lib/server/README.md), checked by `npm run lint`:
 *   routes ─► calls ─► agents ─► routing (matching only) ─► db, redis
 *                 └──► video (the LiveKit seam, no domain)
 * A new import that breaks a layer fails the build.
 */
const S = '^src/lib/server/';
const DOMAINS =
	'(calls|agents|video|desk|booths|ratings|schedule|catalog|auth|audit|seed|maintenance|metrics|supervisor|quality|reports|finder)';

module.exports = {
	forbidden: [
		{
			name: 'no-circular',
			severity: 'error',
			comment:
				'Modules of the server import each other in one direction only (type-only imports aside).',
			from: { path: S },
			to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } }
		},
		{
			name: 'routing-is-matching-only',
			severity: 'error',
			comment: 'routing/ matches calls and agents; it knows no call, agent or video use case.',
			from: { path: `${S}routing/` },
			to: { path: `${S}${DOMAINS}/` }
		},
		{
			name: 'video-imports-no-domain',
			severity: 'error',
			comment:
				'video/ is the LiveKit seam: tokens, rooms, verified webhooks. calls/ hands events on.',
			from: { path: `${S}video/` },
			to: { path: `${S}${DOMAINS}/`, pathNot: `${S}video/` }
		},
		{
			name: 'agents-below-calls',
			severity: 'error',
			comment:
				'agents/ owns agent state and presence; what that does to calls is calls/ (seats.ts).',
			from: { path: `${S}agents/` },
			to: { path: `${S}(calls|video|desk|booths|ratings)/` }
		},
		{
			name: 'reference-domains-below-the-call-core',
			severity: 'error',
			comment:
				'Catalogue, hours, auth and audit are read by the call core, never the other way round.',
			from: { path: `${S}(catalog|schedule|auth|audit|metrics)/` },
			to: { path: `${S}(calls|agents|routing|video|desk|booths|ratings)/` }
		},
		{
			name: 'infrastructure-imports-no-domain',
			severity: 'error',
			comment: 'db, redis, realtime, config, errors and jobs are shared infrastructure.',
			from: { path: `${S}(db|realtime)/|${S}(config|errors|redis|logger|jobs)\\.ts$` },
			to: { path: `${S}${DOMAINS}/|${S}routing/` }
		},
		{
			name: 'routes-are-thin',
			severity: 'error',
			comment:
				'Routes check the user, validate, call one domain function: no SQL, Redis or LiveKit.',
			from: { path: '^src/routes/' },
			to: {
				path: `${S}(db|redis)|node_modules/(drizzle-orm|ioredis|better-sqlite3|livekit-server-sdk|bullmq)/`,
				dependencyTypesNot: ['type-only']
			}
		}
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.json' },
		// SvelteKit's `$lib` alias (its generated tsconfig names it relative to .svelte-kit/)
		webpackConfig: { fileName: 'scripts/lib/aliases.cjs' },
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types'],
			extensions: ['.ts', '.js', '.svelte']
		},
		exclude: { path: '\\.test\\.ts$|^\\.svelte-kit/' }
	}
};
