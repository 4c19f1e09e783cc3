/** Caller screens' session texts (network, idle, confirmations): zh, en, ja and ko key for key. */
export const callerSessionZh = {
	offline: '网络已断开，正在自动重新连接… 短暂断开不会影响您的排队位置。',
	dropped: '由于较长时间没有连接，您已退出排队。如仍需办理，请重新选择事项。',
	ratingIdle: '{{seconds}} 秒内没有操作将返回首页（不评价）。'
};

export const callerSessionEn: typeof callerSessionZh = {
	offline:
		'No network connection, reconnecting… A short drop does not lose your place in the queue.',
	dropped:
		'You left the queue because the connection was lost for too long. Choose your matter again to call.',
	ratingIdle: 'With no touch in {{seconds}} s the screen returns to the start (no rating).'
};

export const callerSessionJa: typeof callerSessionZh = {
	offline: 'ネットワークが切断されました。再接続しています… 短い切断では順番は失われません。',
	dropped: '接続が長く途切れたため、待ち列から外れました。もう一度ご用件を選んでください。',
	ratingIdle: '{{seconds}} 秒間操作がないと最初の画面に戻ります（評価なし）。'
};

export const callerSessionKo: typeof callerSessionZh = {
	offline: '네트워크 연결이 끊겼습니다. 다시 연결하는 중… 잠깐 끊겨도 대기 순서는 유지됩니다.',
	dropped: '연결이 오래 끊겨 대기열에서 나갔습니다. 다시 업무를 선택해 주세요.',
	ratingIdle: '{{seconds}}초 동안 조작이 없으면 처음 화면으로 돌아갑니다(평가 안 함).'
};
