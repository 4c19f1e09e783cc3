/**
 * What the waiting caller is told (booth and phone): which waiting state holds, the position and
 * range, the time waited, and what else they can do. Every caller language, key for key.
 */
export const waitingZh = {
	ringing: '正在为您呼叫坐席，请稍候',
	first: '您排在第 1 位',
	position: '您前面还有 {{ahead}} 人，您排第 {{position}} 位',
	range: '预计等待：约 {{low}}–{{high}} 分钟',
	upTo: '预计等待：{{high}} 分钟以内',
	noneOnline: '目前没有能办理此事项的工作人员在线',
	allOnBreak: '能办理此事项的工作人员正在休息，暂时无法估计等待时间',
	keepPlace: '继续等待会保留您的位置，有工作人员上线后会立即为您接通。',
	channels: '您也可以预约其他时间办理，拨打 12345 政务服务热线，或前往政务服务大厅窗口。',
	elapsed: '已等待 {{time}}',
	missed: '刚才的工作人员未能接听，正在为您继续安排'
};

export const waitingEn: typeof waitingZh = {
	ringing: 'An agent is being rung for you, please hold on',
	first: 'You are number 1 in the queue',
	position: '{{ahead}} ahead of you; you are number {{position}}',
	range: 'Expected wait: about {{low}}–{{high}} min',
	upTo: 'Expected wait: up to {{high}} min',
	noneOnline: 'No agent who handles this matter is online right now',
	allOnBreak: 'The agents who handle this matter are on a break; the wait cannot be estimated yet',
	keepPlace:
		'If you keep waiting you keep your place, and an agent is rung as soon as one is back.',
	channels:
		'You can also book another time, call the 12345 government service hotline, or go to a service hall counter.',
	elapsed: 'Waiting for {{time}}',
	missed: 'The agent could not answer; we are finding you another'
};

export const waitingJa: typeof waitingZh = {
	ringing: '担当者を呼び出しています。しばらくお待ちください',
	first: 'あなたは 1 番目です',
	position: 'あなたの前に {{ahead}} 人、あなたは {{position}} 番目です',
	range: '予想待ち時間：約 {{low}}–{{high}} 分',
	upTo: '予想待ち時間：{{high}} 分以内',
	noneOnline: 'この手続きを担当できる係員は現在オンラインではありません',
	allOnBreak: 'この手続きの担当者は休憩中のため、待ち時間をまだお知らせできません',
	keepPlace: 'お待ちいただく間は順番が保たれ、担当者が戻りしだいおつなぎします。',
	channels:
		'別の時間を予約する、12345 行政サービスホットラインに電話する、または窓口へお越しいただくこともできます。',
	elapsed: '待ち時間 {{time}}',
	missed: '担当者が応答できませんでした。別の担当者を探しています'
};

export const waitingKo: typeof waitingZh = {
	ringing: '상담원을 호출하고 있습니다. 잠시만 기다려 주세요',
	first: '고객님은 1번째입니다',
	position: '앞에 {{ahead}}명, 고객님은 {{position}}번째입니다',
	range: '예상 대기 시간: 약 {{low}}–{{high}}분',
	upTo: '예상 대기 시간: {{high}}분 이내',
	noneOnline: '지금은 이 업무를 처리할 수 있는 상담원이 접속해 있지 않습니다',
	allOnBreak: '이 업무 담당 상담원이 휴식 중이라 아직 대기 시간을 알려 드릴 수 없습니다',
	keepPlace: '계속 기다리시면 순서가 유지되며, 상담원이 돌아오는 즉시 연결해 드립니다.',
	channels:
		'다른 시간을 예약하거나, 12345 행정 서비스 콜센터에 전화하거나, 민원실 창구를 방문하실 수도 있습니다.',
	elapsed: '대기 {{time}}',
	missed: '상담원이 응답하지 못했습니다. 다른 상담원을 찾고 있습니다'
};
