/** Caller screens' session texts (network, idle, confirmations): zh, en, ja and ko key for key. */
export const callerSessionZh = {
	offline: '网络已断开，正在自动重新连接… 短暂断开不会影响您的排队位置。',
	dropped: '由于较长时间没有连接，您已退出排队。如仍需办理，请重新选择事项。',
	ratingIdle: '{{seconds}} 秒内没有操作将返回首页（不评价）。',
	confirm: {
		startTitle: '开始视频连线？',
		startText: '办理事项：{{name}}。确认后为您排队连线工作人员。',
		start: '开始连线',
		back: '返回',
		leaveTitle: '取消排队？',
		leaveText: '取消后您将失去现在的排队位置。',
		leave: '确认取消排队',
		keepWaiting: '继续排队',
		hangUpTitle: '挂断通话？',
		hangUpText: '挂断后通话结束，无法恢复。',
		hangUp: '确认挂断',
		keepTalking: '继续通话'
	}
};

export const callerSessionEn: typeof callerSessionZh = {
	offline:
		'No network connection, reconnecting… A short drop does not lose your place in the queue.',
	dropped:
		'You left the queue because the connection was lost for too long. Choose your matter again to call.',
	ratingIdle: 'With no touch in {{seconds}} s the screen returns to the start (no rating).',
	confirm: {
		startTitle: 'Start the video call?',
		startText: 'Matter: {{name}}. You then join the queue for an agent.',
		start: 'Start the call',
		back: 'Back',
		leaveTitle: 'Leave the queue?',
		leaveText: 'You lose your place in the queue.',
		leave: 'Yes, leave the queue',
		keepWaiting: 'Keep waiting',
		hangUpTitle: 'Hang up?',
		hangUpText: 'The call ends and cannot be resumed.',
		hangUp: 'Yes, hang up',
		keepTalking: 'Keep talking'
	}
};

export const callerSessionJa: typeof callerSessionZh = {
	offline: 'ネットワークが切断されました。再接続しています… 短い切断では順番は失われません。',
	dropped: '接続が長く途切れたため、待ち列から外れました。もう一度ご用件を選んでください。',
	ratingIdle: '{{seconds}} 秒間操作がないと最初の画面に戻ります（評価なし）。',
	confirm: {
		startTitle: 'ビデオ通話を始めますか？',
		startText: 'ご用件：{{name}}。確認すると担当者の待ち列に並びます。',
		start: '通話を始める',
		back: '戻る',
		leaveTitle: '待ち列から外れますか？',
		leaveText: '今の順番はなくなります。',
		leave: 'はい、外れます',
		keepWaiting: '待ち続ける',
		hangUpTitle: '通話を終了しますか？',
		hangUpText: '通話は終了し、再開できません。',
		hangUp: 'はい、終了します',
		keepTalking: '通話を続ける'
	}
};

export const callerSessionKo: typeof callerSessionZh = {
	offline: '네트워크 연결이 끊겼습니다. 다시 연결하는 중… 잠깐 끊겨도 대기 순서는 유지됩니다.',
	dropped: '연결이 오래 끊겨 대기열에서 나갔습니다. 다시 업무를 선택해 주세요.',
	ratingIdle: '{{seconds}}초 동안 조작이 없으면 처음 화면으로 돌아갑니다(평가 안 함).',
	confirm: {
		startTitle: '영상 통화를 시작할까요?',
		startText: '업무: {{name}}. 확인하면 상담원 대기열에 들어갑니다.',
		start: '통화 시작',
		back: '뒤로',
		leaveTitle: '대기열에서 나갈까요?',
		leaveText: '지금의 대기 순서가 없어집니다.',
		leave: '네, 나갑니다',
		keepWaiting: '계속 기다리기',
		hangUpTitle: '통화를 끊을까요?',
		hangUpText: '통화가 끝나며 다시 이어갈 수 없습니다.',
		hangUp: '네, 끊습니다',
		keepTalking: '통화 계속하기'
	}
};
