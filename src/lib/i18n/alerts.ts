/** Supervisor alert texts: Chinese and English, key for key. */
export const alertsZh = {
	title: '告警',
	count: '{{count}} 条待确认',
	none: '当前没有告警',
	acknowledge: '确认',
	acknowledging: '正在确认…',
	acknowledgedBy: '{{name}} 已确认 · {{time}}',
	failed: '确认失败：{{message}}',
	mute: '提示音静音',
	muted: '提示音已静音',
	unmuted: '提示音已开启',
	since: '持续 {{duration}}',
	severity: { critical: '严重', warning: '警告' },
	kind: {
		wait: '等待过长',
		service_level: '服务水平偏低',
		agent: '坐席未响应',
		booth: '晓屋离线',
		interpreter: '手语翻译无人接'
	},
	text: {
		wait: '{{name}}：最长等待 {{wait}}，超过 {{threshold}}',
		service_level: '{{name}}：今日服务水平 {{value}}%，低于目标 {{target}}%',
		agent: '坐席 {{name}} 连续未接来电，已被置为“未响应”',
		booth: '{{town}} {{name}} 在服务时间内离线，最后在线 {{time}}',
		interpreter: '{{name}} 的通话（{{matter}}）请求手语翻译，已 {{wait}} 无人接'
	},
	announce: '新告警：{{text}}',
	screenTitle: '待处理告警',
	screenNone: '没有待处理告警'
};

export const alertsEn: typeof alertsZh = {
	title: 'Alerts',
	count: '{{count}} to acknowledge',
	none: 'No alerts',
	acknowledge: 'Acknowledge',
	acknowledging: 'Acknowledging…',
	acknowledgedBy: 'Acknowledged by {{name}} · {{time}}',
	failed: 'Could not acknowledge: {{message}}',
	mute: 'Mute alert sound',
	muted: 'Alert sound muted',
	unmuted: 'Alert sound on',
	since: 'for {{duration}}',
	severity: { critical: 'Critical', warning: 'Warning' },
	kind: {
		wait: 'Long wait',
		service_level: 'Service level low',
		agent: 'Agent not responding',
		booth: 'Booth offline',
		interpreter: 'Interpreter not taken'
	},
	text: {
		wait: '{{name}}: longest wait {{wait}}, over {{threshold}}',
		service_level: "{{name}}: today's service level {{value}}%, under the {{target}}% target",
		agent: 'Agent {{name}} let calls ring unanswered and was set to "not responding"',
		booth: '{{name}} ({{town}}) is offline during service hours, last seen {{time}}',
		interpreter:
			"{{name}}'s call ({{matter}}) asked for a sign interpreter {{wait}} ago; nobody took it"
	},
	announce: 'New alert: {{text}}',
	screenTitle: 'Open alerts',
	screenNone: 'No open alerts'
};
