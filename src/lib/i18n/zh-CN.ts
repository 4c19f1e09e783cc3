/** Simplified Chinese: the default UI language. Every key here must exist in en.ts too. */
export const zhCN = {
	app: {
		name: '云窗口坐席台',
		tagline: '政务晓屋 · 云坐席',
		skipToContent: '跳到主要内容',
		language: '语言',
		switchTo: 'English',
		logout: '退出登录',
		loading: '加载中…',
		videoUnavailable: '视频服务暂不可用：通话仍可接听、结束和登记，视频恢复后自动连接。',
		offlineBanner: '与服务器的实时连接已断开，正在重连…'
	},
	roles: { admin: '管理员', agent: '坐席', supervisor: '值班长', scheduler: '排班员' },
	login: {
		title: '坐席登录',
		username: '用户名',
		password: '密码',
		submit: '登录',
		submitting: '正在登录…',
		wrong: '用户名或密码错误',
		required: '请填写用户名和密码',
		rateLimited: '登录失败次数过多，请 {{minutes}} 分钟后再试',
		demoHint: '演示账号见启动时打印的列表'
	},
	errors: {
		forbiddenTitle: '无权访问',
		forbidden: '您的账号没有访问此页面的权限。',
		notFoundTitle: '页面不存在',
		notFound: '找不到您要访问的页面。',
		genericTitle: '出错了',
		backHome: '返回首页'
	},
	nav: {
		agentHome: '坐席工作台',
		supervisor: '监控大屏',
		schedule: '排班',
		adminAgents: '坐席管理',
		adminBooths: '晓屋管理',
		adminSupervision: '值班范围与服务水平'
	},
	agent: {
		title: '坐席工作台',
		welcome: '您好，{{name}}',
		skills: '我的技能',
		noSkills: '尚未配置技能，请联系管理员。',
		languages: '语言',
		matters: '可办事项',
		mattersCount_one: '{{count}} 项',
		mattersCount_other: '{{count}} 项',
		signLanguage: '手语',
		elderly: '长者引导',
		level: '熟练度 {{level}}'
	},
	schedule: {
		title: '排班与服务时间',
		weekendMatters: '周末延时服务事项',
		noWeekend: '暂无周末延时事项'
	},
	admin: {
		agentsTitle: '坐席管理',
		boothsTitle: '政务晓屋管理',
		newAgent: '新建坐席账号',
		newBooth: '登记新晓屋',
		username: '用户名',
		password: '初始密码',
		displayName: '显示名',
		roles: '角色',
		languages: '语言技能',
		create: '创建',
		created: '已创建',
		name: '名称',
		town: '镇街',
		site: '场所',
		state: '状态',
		lastSeen: '最近在线',
		skills: '技能',
		tokenOnce: '设备令牌（仅显示一次，请配置到晓屋终端）：',
		empty: '暂无记录',
		never: '从未',
		supervisionTitle: '值班范围与服务水平',
		scopeTitle: '值班长管理范围',
		scopeHelp:
			'值班长只看到、只处理其范围内的部门和镇街：监控大屏、操作、实时推送和审计记录都按范围过滤。都不选即为全区。',
		scopeAll: '全区',
		scopeDepartments: '部门',
		scopeTowns: '镇街（该镇街晓屋的来电和晓屋）',
		save: '保存',
		saved: '已保存',
		noSupervisors: '暂无值班长账号',
		thresholdTitle: '服务水平应答时限 T',
		thresholdHelp:
			'服务水平 = T 秒内接通 ÷（接通 + 等待超过 S 秒后放弃）。留空即用默认值 {{seconds}} 秒。',
		department: '部门',
		answerSeconds: '应答时限（秒）',
		answerSecondsOf: '{{name}} 的应答时限（秒）'
	},
	boothState: {
		idle: '空闲',
		in_call: '通话中',
		rating: '评价中',
		out_of_hours: '非服务时间',
		offline: '离线',
		disinfecting: '消毒中'
	},
	matters: {
		search: '搜索事项',
		searchPlaceholder: '输入事项名称，如：养老金',
		noResults: '没有找到匹配的事项',
		results_one: '共 {{count}} 项',
		results_other: '共 {{count}} 项'
	}
};

export type Messages = typeof zhCN;
