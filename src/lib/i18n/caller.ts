/** Caller texts (booth kiosk and mobile page): Chinese and English key for key, Japanese and Korean too. */
export const callerZh = {
	title: '政务晓屋 · 云窗口',
	mobileTitle: '云窗口 · 视频办事',
	boothUnknown: '这台设备还没有登记为政务晓屋',
	boothUnknownHelp: '请工作人员用登记时发放的设备链接（/booth?token=…）打开本页。',
	loading: '正在加载…',
	retry: '重试',
	back: '返回',
	minutes: '约 {{count}} 分钟',
	lessThanMinute: '不到 1 分钟',
	language: '语言',
	languageHelp: '选择您说的语言，屏幕文字也会随之切换',
	needs: '需要的帮助',
	signLanguage: '我使用手语',
	elderly: '我 50 岁以上 / 需要帮助',
	green: '绿色通道',
	greenHelp: '残疾人、孕妇、军人优先办理',
	popular: '常办事项',
	popularHelp: '点一下事项即开始视频连线',
	search: '搜索事项',
	searchPlaceholder: '例如：养老金、营业执照、居住证',
	searching: '正在搜索…',
	noResults: '没有找到相关事项，换个词试试或按部门浏览',
	resultCount_one: '找到 {{count}} 个事项',
	resultCount_other: '找到 {{count}} 个事项',
	searchFailed: '搜索暂时不可用，请稍后再试',
	browse: '按部门浏览',
	allDepartments: '全部部门',
	departmentMatters: '{{name}}的事项',
	starting: '正在为您连线…',
	errors: {
		busy: '这台晓屋已有通话在进行，请稍候。',
		rateLimited: '请求太频繁了，请 {{minutes}} 分钟后再试。',
		network: '无法连接服务器，请检查网络后重试。',
		generic: '出了点问题，请重试或联系现场工作人员。'
	},
	waiting: {
		heading: '正在为您排队',
		position: '您前面还有 {{ahead}} 人，您排第 {{position}} 位',
		first: '您排在第 1 位，马上轮到您',
		wait: '预计等待：{{wait}}',
		offered: '工作人员即将接听…',
		prepare: '请准备好',
		cancel: '取消排队',
		cancelled: '已取消排队',
		longWait: '等待时间较长，您可以预约一个时间再来办理。',
		book: '预约时段',
		booked: '已预约：{{start}}–{{end}}，预约号 {{id}}。请届时到任一政务晓屋或用手机办理。',
		bookFailed: '预约失败，请重试',
		reconnecting: '网络不稳定，正在重新连接…',
		matter: '办理事项：{{name}}'
	},
	camera: {
		preview: '您的画面预览',
		previewHelp: '请调整位置，让脸部在画面中间',
		denied:
			'摄像头或麦克风未被允许使用。请在浏览器地址栏左侧的权限设置中允许摄像头和麦克风，然后点“重试”。没有摄像头也可以继续排队。',
		notFound: '没有找到摄像头。您仍可以继续办理，工作人员可以听到您的声音。',
		inUse: '摄像头正被其他程序使用，请关闭其他程序后重试。',
		failed: '无法打开摄像头，请重试。',
		off: '画面预览已关闭'
	},
	call: {
		heading: '视频通话中',
		connected: '已接通',
		agent: '工作人员：{{name}}',
		agentVideo: '工作人员画面',
		official: '值班长 {{name}} 已加入通话',
		self: '您的画面',
		videoUnavailable: '视频暂时不可用，通话仍在继续，请按工作人员的指引操作。',
		connecting: '正在连接视频…',
		reconnecting: '网络不稳定，正在重新连接视频…',
		mute: '静音',
		unmute: '取消静音',
		muted: '麦克风已关闭',
		hangUp: '挂断',
		ended: '通话已结束'
	},
	rating: {
		heading: '请为本次服务评价',
		help: '您的评价是匿名的，不会影响办理结果。',
		levels: {
			'5': '非常满意',
			'4': '满意',
			'3': '基本满意',
			'2': '不满意',
			'1': '非常不满意'
		},
		reasonsHeading: '请告诉我们哪里不满意（可多选）',
		comment: '其他意见（选填）',
		submit: '提交评价',
		skip: '跳过',
		pickFirst: '请先选择一个评价等级',
		failed: '评价提交失败，请重试',
		already: '这次通话已经评价过了，谢谢！'
	},
	reasons: {
		wait_long: '等待时间太长',
		unclear: '解释不清楚',
		video_quality: '视频或声音不清楚',
		not_solved: '问题没有解决',
		attitude: '服务态度不好',
		asked_again: '反复要求提交材料',
		other: '其他'
	},
	thanks: {
		heading: '谢谢您！',
		body: '感谢您使用云窗口服务。',
		back: '{{seconds}} 秒后返回首页',
		home: '返回首页'
	},
	disinfect: {
		heading: '正在消毒',
		body: '紫外线消毒进行中，请勿进入。约 {{seconds}} 秒后可以使用。'
	},
	closed: {
		heading: '现在不在服务时间',
		opensAt: '下次开放时间：{{time}}',
		never: '暂无开放时间安排，请咨询现场工作人员。',
		book: '您可以先预约一个时段。',
		bookFor: '预约：{{name}}'
	},
	offline: {
		heading: '暂时无法连接服务器',
		body: '网络或服务器暂时不可用，设备会自动重试。',
		nextTry: '{{seconds}} 秒后自动重试',
		now: '立即重试'
	},
	mobile: {
		resume: '正在恢复您的排队…'
	}
};

export const callerEn: typeof callerZh = {
	title: 'Government service booth · cloud window',
	mobileTitle: 'Cloud window · video service',
	boothUnknown: 'This device is not registered as a service booth',
	boothUnknownHelp:
		'Please ask staff to open this page once with the device link issued at registration (/booth?token=…).',
	loading: 'Loading…',
	retry: 'Try again',
	back: 'Back',
	minutes: 'about {{count}} min',
	lessThanMinute: 'less than 1 min',
	language: 'Language',
	languageHelp: 'Choose the language you speak; the screen switches too',
	needs: 'Help I need',
	signLanguage: 'I use sign language',
	elderly: 'I am 50+ / I need help',
	green: 'Green channel',
	greenHelp: 'Priority for disabled people, pregnant women and veterans',
	popular: 'Common services',
	popularHelp: 'Tap a service to start the video call',
	search: 'Search services',
	searchPlaceholder: 'e.g. pension, business licence, residence permit',
	searching: 'Searching…',
	noResults: 'No matching service. Try another word or browse by department',
	resultCount_one: '{{count}} service found',
	resultCount_other: '{{count}} services found',
	searchFailed: 'Search is unavailable right now, please try again later',
	browse: 'Browse by department',
	allDepartments: 'All departments',
	departmentMatters: 'Services of {{name}}',
	starting: 'Connecting you…',
	errors: {
		busy: 'This booth already has a call in progress. Please wait.',
		rateLimited: 'Too many requests. Please try again in {{minutes}} min.',
		network: 'Cannot reach the server. Check the network and try again.',
		generic: 'Something went wrong. Please try again or ask the staff on site.'
	},
	waiting: {
		heading: 'You are in the queue',
		position: '{{ahead}} ahead of you; you are number {{position}}',
		first: 'You are number 1: it is your turn next',
		wait: 'Expected wait: {{wait}}',
		offered: 'An agent is about to answer…',
		prepare: 'Please have ready',
		cancel: 'Leave the queue',
		cancelled: 'You left the queue',
		longWait: 'The wait is long. You can book a time slot and come back instead.',
		book: 'Book a slot',
		booked:
			'Booked: {{start}}–{{end}}, booking number {{id}}. Come to any booth or use your phone then.',
		bookFailed: 'Booking failed, please try again',
		reconnecting: 'Unstable network, reconnecting…',
		matter: 'Service: {{name}}'
	},
	camera: {
		preview: 'Your camera preview',
		previewHelp: 'Adjust your position so your face is in the middle',
		denied:
			'Camera or microphone access is not allowed. Allow them in the permission settings at the left of the address bar, then tap "Try again". You can keep waiting without a camera.',
		notFound: 'No camera found. You can still continue; the agent can hear you.',
		inUse: 'The camera is used by another program. Close it and try again.',
		failed: 'The camera could not be opened. Please try again.',
		off: 'Camera preview is off'
	},
	call: {
		heading: 'Video call',
		connected: 'Connected',
		agent: 'Agent: {{name}}',
		agentVideo: "Agent's video",
		official: 'Duty supervisor {{name}} has joined the call',
		self: 'You',
		videoUnavailable:
			'Video is unavailable right now. The call continues: follow the agent’s guidance.',
		connecting: 'Connecting video…',
		reconnecting: 'Unstable network, reconnecting video…',
		mute: 'Mute',
		unmute: 'Unmute',
		muted: 'Microphone is off',
		hangUp: 'Hang up',
		ended: 'The call has ended'
	},
	rating: {
		heading: 'How satisfied are you with this service?',
		help: 'Your rating is anonymous and does not affect your case.',
		levels: {
			'5': 'Very satisfied',
			'4': 'Satisfied',
			'3': 'Fairly satisfied',
			'2': 'Dissatisfied',
			'1': 'Very dissatisfied'
		},
		reasonsHeading: 'What went wrong? (choose any)',
		comment: 'Other comments (optional)',
		submit: 'Submit rating',
		skip: 'Skip',
		pickFirst: 'Please choose a rating first',
		failed: 'The rating could not be sent, please try again',
		already: 'This call has already been rated. Thank you!'
	},
	reasons: {
		wait_long: 'Waited too long',
		unclear: 'Explanation was unclear',
		video_quality: 'Video or sound was poor',
		not_solved: 'My problem was not solved',
		attitude: 'Unfriendly service',
		asked_again: 'Asked for documents again and again',
		other: 'Other'
	},
	thanks: {
		heading: 'Thank you!',
		body: 'Thank you for using the cloud window service.',
		back: 'Back to the start in {{seconds}} s',
		home: 'Back to start'
	},
	disinfect: {
		heading: 'Disinfecting',
		body: 'UV disinfection in progress, please do not enter. Ready in about {{seconds}} s.'
	},
	closed: {
		heading: 'We are closed now',
		opensAt: 'Opens next: {{time}}',
		never: 'No opening hours are scheduled. Please ask the staff on site.',
		book: 'You can book a time slot now.',
		bookFor: 'Book: {{name}}'
	},
	offline: {
		heading: 'Cannot reach the server',
		body: 'The network or the server is unavailable. The device retries by itself.',
		nextTry: 'Trying again in {{seconds}} s',
		now: 'Try now'
	},
	mobile: {
		resume: 'Restoring your place in the queue…'
	}
};
