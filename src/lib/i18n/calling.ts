/** The agent's side of a call (wrap-up, confirmations, missed offers): Chinese and English, key for key. */
export const callingZh = {
	wrapUp: {
		timeLeft: '话后处理剩余 {{seconds}} 秒',
		overrun: '话后处理已超时 {{time}}',
		overrunHelp: '提交办理结果后才会接入下一个来电。',
		draftRestored: '已恢复未提交的草稿'
	},
	confirm: {
		endTitle: '结束这次通话？',
		endText: '结束后市民将看到评价页面，通话无法恢复。',
		end: '结束通话',
		keepTalking: '继续通话'
	}
};

export const callingEn: typeof callingZh = {
	wrapUp: {
		timeLeft: 'Wrap-up time left: {{seconds}} s',
		overrun: 'Wrap-up overrun: {{time}}',
		overrunHelp: 'No call rings until you submit the outcome.',
		draftRestored: 'Your unsent draft was restored'
	},
	confirm: {
		endTitle: 'End this call?',
		endText: 'The caller then sees the rating screen; the call cannot be resumed.',
		end: 'End call',
		keepTalking: 'Keep talking'
	}
};
