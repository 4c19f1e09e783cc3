import type { Messages } from './zh-CN';

/** English: complete, key for key. */
export const en: Messages = {
	app: {
		name: 'Cloud Window Console',
		tagline: 'Service booths · cloud seats',
		skipToContent: 'Skip to main content',
		language: 'Language',
		switchTo: '中文',
		logout: 'Log out',
		loading: 'Loading…',
		videoUnavailable:
			'Video is unavailable: calls can still be accepted, ended and recorded; video reconnects when it is back.',
		offlineBanner: 'Live connection lost, reconnecting…'
	},
	roles: { admin: 'Admin', agent: 'Agent', supervisor: 'Supervisor', scheduler: 'Scheduler' },
	login: {
		title: 'Staff login',
		username: 'Username',
		password: 'Password',
		submit: 'Log in',
		submitting: 'Logging in…',
		wrong: 'Wrong username or password',
		required: 'Enter your username and password',
		rateLimited: 'Too many failed logins. Try again in {{minutes}} min.',
		demoHint: 'Demo accounts are printed when the console starts'
	},
	errors: {
		forbiddenTitle: 'Access denied',
		forbidden: 'Your account is not allowed to open this page.',
		notFoundTitle: 'Page not found',
		notFound: 'The page you are looking for does not exist.',
		genericTitle: 'Something went wrong',
		backHome: 'Back to home'
	},
	nav: {
		agentHome: 'Agent desk',
		supervisor: 'Wallboard',
		schedule: 'Schedule',
		adminAgents: 'Agents',
		adminBooths: 'Booths',
		adminSupervision: 'Scopes and service level'
	},
	agent: {
		title: 'Agent desk',
		welcome: 'Hello, {{name}}',
		skills: 'My skills',
		noSkills: 'No skills configured yet; ask an administrator.',
		languages: 'Languages',
		matters: 'Matters',
		mattersCount_one: '{{count}} matter',
		mattersCount_other: '{{count}} matters',
		signLanguage: 'Sign language',
		elderly: 'Elderly guidance',
		level: 'Level {{level}}'
	},
	schedule: {
		title: 'Schedule and service hours',
		weekendMatters: 'Weekend extended-hours matters',
		noWeekend: 'No weekend matters yet'
	},
	admin: {
		agentsTitle: 'Agents',
		boothsTitle: 'Service booths',
		newAgent: 'New staff account',
		newBooth: 'Register a booth',
		username: 'Username',
		password: 'Initial password',
		displayName: 'Display name',
		roles: 'Roles',
		languages: 'Language skills',
		create: 'Create',
		created: 'Created',
		name: 'Name',
		town: 'Town',
		site: 'Site',
		state: 'State',
		lastSeen: 'Last seen',
		skills: 'Skills',
		tokenOnce: 'Device token (shown once; configure it on the booth):',
		empty: 'Nothing here yet',
		never: 'Never',
		supervisionTitle: 'Supervisor scopes and service level',
		scopeTitle: 'What each supervisor oversees',
		scopeHelp:
			'A supervisor sees and acts on the departments and towns of their scope only: the wall, actions, live updates and the audit trail are filtered by it. Choose none for the whole district.',
		scopeAll: 'Whole district',
		scopeDepartments: 'Departments',
		scopeTowns: 'Towns (calls from their booths, and the booths)',
		save: 'Save',
		saved: 'Saved',
		noSupervisors: 'No supervisor accounts yet',
		thresholdTitle: 'Service level answer threshold T',
		thresholdHelp:
			'Service level = answered within T seconds ÷ (answered + abandoned after S seconds). Leave empty for the default of {{seconds}} s.',
		department: 'Department',
		answerSeconds: 'Answer within (seconds)',
		answerSecondsOf: 'Answer threshold of {{name}} (seconds)'
	},
	boothState: {
		idle: 'Idle',
		in_call: 'In call',
		rating: 'Rating',
		out_of_hours: 'Out of hours',
		offline: 'Offline',
		disinfecting: 'Disinfecting'
	},
	matters: {
		search: 'Search matters',
		searchPlaceholder: 'Type a matter, e.g. pension',
		noResults: 'No matching matters',
		results_one: '{{count}} matter',
		results_other: '{{count}} matters'
	}
};
