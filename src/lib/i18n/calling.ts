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
	},
	offer: {
		again: '这位来电者仍在等待：您刚才未接听此来电，目前没有其他坐席可以接听。',
		flash: '来电',
		notify: '来电：{{matter}}',
		notices: {
			declined: '您已拒接该来电，来电者回到原来的排队位置。',
			expired: '来电无人接听已超时，来电者仍在排队等待。',
			callerLeft: '来电者已离开，来电已取消。',
			gone: '来电已被撤回或由其他坐席接听。'
		}
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
	},
	offer: {
		again:
			'This caller is still waiting: you let the call pass a moment ago and no other seat can take it.',
		flash: 'Incoming call',
		notify: 'Incoming call: {{matter}}',
		notices: {
			declined: 'You declined the call; the caller keeps their place in the queue.',
			expired: 'The call was not answered in time; the caller is still waiting.',
			callerLeft: 'The caller has left; the call is cancelled.',
			gone: 'The call was withdrawn or taken by another seat.'
		}
	}
};
