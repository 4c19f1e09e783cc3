/** Bookings per slot and staffing from demand (scheduler pages): Chinese and English, key for key. */
export const staffingZh = {
	nav: { bookings: '预约名额', staffing: '人力测算' },
	bookings: {
		title: '预约名额与预约记录',
		intro:
			'名额 = 在岗坐席 × 时段长度 ÷ 该事项组平均处理时长（无历史时按默认值）。可按时段改写名额。',
		group: '事项组（部门）',
		from: '起始日期',
		days: '天数',
		show: '查看',
		aht: '平均处理时长 {{seconds}} 秒；时段 {{minutes}} 分钟',
		slot: '时段',
		seats: '坐席',
		computed: '计算名额',
		capacity: '名额',
		booked: '已约',
		list: '预约',
		none: '无',
		save: '保存',
		reset: '恢复计算值',
		saved: '已保存 {{slot}} 的名额',
		empty: '所选日期没有服务时段',
		override: '已手动设置',
		fromRule: '按时段设置',
		rulesTitle: '按服务时段设置名额',
		rulesIntro:
			'为本事项组在常规时间或某个延时服务中的每个时段统一设置名额；单个时段另行设置的名额优先。留空并保存即恢复计算值。',
		regular: '常规服务时间',
		perSlot: '每时段名额',
		computedHint: '留空：按计算值',
		ruleSaved: '已保存「{{name}}」的每时段名额',
		ruleCleared: '「{{name}}」已恢复按计算值'
	},
	staffing: {
		title: '按需测算坐席',
		intro:
			'按近 {{weeks}} 周同一星期、同一小时的来电量预测，加上已预约人数，用 Erlang C / Erlang A 计算达到服务水平目标所需坐席数，与在岗坐席比较。',
		group: '事项组（部门）',
		date: '日期',
		target: '目标：{{pct}}% 在 {{seconds}} 秒内接通',
		patience: '平均耐心（秒，留空用 Erlang C）',
		show: '测算',
		hour: '时段',
		forecast: '预测来电',
		booked: '已预约',
		aht: '处理时长',
		needed: '所需坐席',
		rostered: '在岗坐席',
		sl: '预计服务水平',
		short: '缺 {{count}} 人',
		ok: '足够',
		closed: '当天不服务',
		model: { c: 'Erlang C', a: 'Erlang A（含放弃）' }
	}
};

export const staffingEn: typeof staffingZh = {
	nav: { bookings: 'Booking places', staffing: 'Staffing' },
	bookings: {
		title: 'Booking places and bookings',
		intro:
			'Places = seats on duty × slot length ÷ the matter group’s average handle time (a default before there is history). A slot’s places can be set by hand.',
		group: 'Matter group (department)',
		from: 'From',
		days: 'Days',
		show: 'Show',
		aht: 'Average handle time {{seconds}} s; slots of {{minutes}} min',
		slot: 'Slot',
		seats: 'Seats',
		computed: 'Computed',
		capacity: 'Places',
		booked: 'Booked',
		list: 'Bookings',
		none: 'None',
		save: 'Save',
		reset: 'Back to computed',
		saved: 'Places of {{slot}} saved',
		empty: 'No service hours on these dates',
		override: 'Set by hand',
		fromRule: 'Set for the session',
		rulesTitle: 'Places by service session',
		rulesIntro:
			'Set the places of every slot of this matter group in regular hours or in an extended session at once; a slot set on its own keeps its places. Save it empty to go back to the computed places.',
		regular: 'Regular hours',
		perSlot: 'Places per slot',
		computedHint: 'Empty: computed',
		ruleSaved: 'Places per slot of “{{name}}” saved',
		ruleCleared: '“{{name}}” is back to the computed places'
	},
	staffing: {
		title: 'Seats needed from demand',
		intro:
			'Arrivals forecast from the same weekday and hour of the last {{weeks}} weeks plus the bookings taken; seats needed for the service-level target by Erlang C / Erlang A, against the seats on duty.',
		group: 'Matter group (department)',
		date: 'Date',
		target: 'Target: {{pct}}% answered within {{seconds}} s',
		patience: 'Mean patience (s; empty for Erlang C)',
		show: 'Work out',
		hour: 'Hour',
		forecast: 'Forecast calls',
		booked: 'Booked',
		aht: 'Handle time',
		needed: 'Seats needed',
		rostered: 'Seats on duty',
		sl: 'Expected service level',
		short: '{{count}} short',
		ok: 'Enough',
		closed: 'Not served that day',
		model: { c: 'Erlang C', a: 'Erlang A (with abandonment)' }
	}
};
