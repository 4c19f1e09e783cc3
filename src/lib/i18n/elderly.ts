/** The elderly (50+) caller layout's texts. */
export const elderlyZh = {
	on: '已为您换成大字：字更大，选项更少',
	off: '恢复普通显示',
	more: '没有要办的？搜索其他事项',
	fewer: '收起搜索',
	pickHelp: '点一下您要办的事，再确认一次就开始视频',
	confirmTitle: '开始视频办事吗？',
	confirmText: '您要办的是：{{name}}。点“开始视频”后，工作人员会在视频里一步一步帮您办理。',
	confirmStart: '开始视频',
	confirmBack: '不是这个，返回',
	volunteer: '志愿者会一步一步帮您办理'
};

export const elderlyEn: typeof elderlyZh = {
	on: 'Large text is on: bigger text, fewer choices',
	off: 'Back to the usual screen',
	more: 'Not listed? Search other services',
	fewer: 'Hide the search',
	pickHelp: 'Tap what you need, confirm once, and the video call starts',
	confirmTitle: 'Start the video call?',
	confirmText:
		'You chose: {{name}}. After “Start the video call” an agent helps you step by step on video.',
	confirmStart: 'Start the video call',
	confirmBack: 'Not this one, go back',
	volunteer: 'A volunteer helps you step by step'
};
