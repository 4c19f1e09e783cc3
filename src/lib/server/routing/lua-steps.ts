import { EMIT_LUA } from '../realtime/wire';
import { COMMON } from './lua';

/**
 * The routing steps as Lua functions (queue a call, match a call, match a freed agent, remove a
 * call, read a bucket's head), and the scripts built from them. A script may chain steps, so an
 * operation that needs several (a new call is queued and matched; a caller who leaves frees an
 * agent who then takes the next call) is still one atomic Redis step and one round trip.
 */
const STEPS = `
-- whether skill levels (field -> level) meet every group of a requirement
local function satisfied(levels, groups)
  for _, alts in ipairs(groups) do
    local ok = false
    for _, a in ipairs(alts) do
      if tonumber(levels[a[1]] or '0') >= a[2] then ok = true break end
    end
    if not ok then return false end
  end
  return true
end
-- every field a requirement names, once, plus extras
local function fieldsOf(groups, extra)
  local fields, seen = {}, {}
  local function want(f) if f ~= '' and not seen[f] then seen[f] = true fields[#fields + 1] = f end end
  for _, alts in ipairs(groups) do for _, a in ipairs(alts) do want(a[1]) end end
  for _, f in ipairs(extra) do want(f) end
  return fields
end
-- levels of many agents in a few reads: one HMGET per field; returns agent -> (field -> level)
local function levelsOf(agents, fields)
  local out = {}
  for _, a in ipairs(agents) do out[a] = {} end
  if #agents == 0 then return out end
  for _, f in ipairs(fields) do
    local vals = redis.call('HMGET', P .. 'f:' .. f, unpack(agents))
    for i, a in ipairs(agents) do out[a][f] = vals[i] end
  end
  return out
end
-- agents already offered a call, read once: agent -> when
local function triedOf(call)
  local t, rows = {}, redis.call('ZRANGE', P .. 'c:' .. call .. ':tr', 0, -1, 'WITHSCORES')
  for i = 1, #rows, 2 do t[rows[i]] = tonumber(rows[i + 1]) end
  return t
end
-- whether a waiting call's caller is still there: not heard from (calls/presence.ts: touchCaller)
-- for longer than goneMs means gone, and a gone caller is never offered; never heard of counts as
-- there (the presence sweep starts timing it); goneMs 0 skips the check
local function present(call, now, goneMs)
  if not goneMs or goneMs <= 0 then return true end
  local heard = tonumber(redis.call('GET', ARGV[1] .. ':caller:' .. call) or '')
  return (not heard) or now - heard <= goneMs
end
-- the highest proficiency level (skills are 1-5)
local TOP = 5
-- Completes an event template (realtime/wire.ts: templates) and publishes it like EventBus does.
local function emit(bus, t, agent, offer)
  emitEvent(bus[1], bus[2], bus[3], fillEvent(t, agent, offer))
end
-- Queues a call (new, transfer, recovery, requeue with a new lane) or moves it to a new bucket
-- (escalation);
-- returns {status, version}.
local function enqueueCall(call, b, score, e, mode)
  local ck = P .. 'c:' .. call
  local st = redis.call('HGET', ck, 'st')
  if st == 'over' then return {'over', 0} end
  if mode == 'rebucket' then
    if not st then return {'missing', 0} end
    if st == 'queued' then dequeue(call) end
    redis.call('HSET', ck, 'b', b)
    if st == 'queued' then enqueue(call) end
    return {st, 0}
  end
  if mode == 'new' and st then return {st, 0} end
  -- a new lane or needs (a supervisor's decision) re-places only a call that is waiting
  if mode == 'requeue' and st ~= 'queued' then return {st or 'missing', 0} end
  -- a repair only fills in a missing or waiting call; a transfer only takes a connected call
  if mode == 'restore' and st and st ~= 'queued' then return {st, 0} end
  if mode == 'transfer' and st and st ~= 'connected' then return {st, 0} end
  if st == 'queued' then dequeue(call) end
  if mode == 'transfer' then redis.call('DEL', ck .. ':tr') end
  redis.call('HSET', ck, 'st', 'queued', 'b', b, 's', score, 'e', e)
  redis.call('HDEL', ck, 'offer', 'agent')
  enqueue(call)
  return {'queued', redis.call('HINCRBY', ck, 'v', 1)}
end

-- The best eligible available agent for a queued call is reserved and offered. Returns
-- {'offered', agent, candidates, rule, version, bucket} | {'waiting', '', eligibleOnline, '',
-- position, bucket, coolingDown, onBreak} | {'skip', status} ({'skip', 'gone'}: the caller went
-- silent and is not offered).
local function matchCall(call, offer, now, exp, K, forced, cool, goneMs)
  local ck = P .. 'c:' .. call
  local st = redis.call('HGET', ck, 'st')
  if st ~= 'queued' then return {'skip', st or 'missing'} end
  if not present(call, now, goneMs) then return {'skip', 'gone'} end
  local bucket = redis.call('HGET', ck, 'b')
  local ix, checks = split(bucket)
  if forced ~= '' and redis.call('HGET', P .. 'a:' .. forced, 'st') == 'available' then
    local v = reserve(forced, call, offer, now, exp)
    return {'offered', forced, 1, 'transfer_to_agent', v, bucket}
  end
  local groups = parse(checks)
  local rank = groups[1] and groups[1][1][1] or ''
  -- among seats of the same level in the rank field, the caller's own language breaks the tie
  -- (rules.ts: languageField): a fluent Cantonese speaker before one who manages
  local lang = ''
  for _, alts in ipairs(groups) do
    local f = alts[1][1]
    if string.sub(f, 1, 2) == 'l:' and f ~= rank then lang = f end
  end
  local top = lang ~= '' and (TOP * 10 + TOP) or TOP * 10
  local elderly = redis.call('HGET', ck, 'e') == '1'
  local tried = triedOf(call)
  local cands, cooling = {}, {}
  for _, a in ipairs(redis.call('ZRANGE', P .. 'av:' .. ix, 0, K - 1)) do
    local t = tried[a]
    if (not t) or (now - math.abs(t) >= cool) then cands[#cands + 1] = a
    elseif t > 0 then cooling[#cooling + 1] = a end
  end
  local fields = fieldsOf(groups, elderly and {rank, 'eld'} or {rank})
  -- candidates come longest-idle first; keep the first one of the highest level (and, for
  -- elderly callers, the same among elderly-guidance seats). They are read a few at a time: once
  -- a seat of the top level is found nobody later can beat it, so the rest is not read (n counts
  -- the eligible seats compared).
  local best, guide, n, bestLv, guideLv = nil, nil, 0, -1, -1
  local i = 1
  while i <= #cands do
    local chunk = {}
    for j = i, math.min(i + 7, #cands) do chunk[#chunk + 1] = cands[j] end
    i = i + 8
    local levels = levelsOf(chunk, fields)
    for _, a in ipairs(chunk) do
      local l = levels[a]
      if satisfied(l, groups) then
        n = n + 1
        local lv = tonumber(l[rank] or '0') * 10 + (lang ~= '' and tonumber(l[lang] or '0') or 0)
        if lv > bestLv then best, bestLv = a, lv end
        if elderly and lv > guideLv and tonumber(l['eld'] or '0') > 0 then guide, guideLv = a, lv end
      end
    end
    if (elderly and guideLv >= top) or ((not elderly) and bestLv >= top) then break end
  end
  local pick = guide or best
  if pick then
    local v = reserve(pick, call, offer, now, exp)
    return {'offered', pick, n, guide and 'elderly_guidance' or 'best_fit', v, bucket}
  end
  -- eligible seats online, and how many of them are on a break (the caller is told plainly)
  local m, br, online = 0, 0, redis.call('ZRANGE', P .. 'on:' .. ix, 0, K - 1)
  local onLevels = levelsOf(online, fieldsOf(groups, {}))
  for _, a in ipairs(online) do
    if satisfied(onLevels[a], groups) then
      m = m + 1
      if redis.call('HGET', P .. 'a:' .. a, 'st') == 'break' then br = br + 1 end
    end
  end
  -- eligible seats that are free but let this call pass a moment ago (the re-offer cool-down)
  local c = 0
  local coolLevels = levelsOf(cooling, fieldsOf(groups, {}))
  for _, a in ipairs(cooling) do
    if satisfied(coolLevels[a], groups) then c = c + 1 end
  end
  redis.call('HSET', ck, 'eo', m, 'eb', br)
  return {'waiting', '', m, '', redis.call('ZRANK', P .. 'q:' .. bucket, call) + 1, bucket, c, br}
end

-- A supervisor's pick: the named agent is offered the queued call if it is available right now
-- (eligibility was checked, or deliberately overridden, by the caller). Returns
-- {'offered', agent, 1, 'supervisor', version, bucket} | {'agent_busy', state} | {'skip', status}.
local function assignCall(call, agent, offer, now, exp)
  local ck = P .. 'c:' .. call
  local st = redis.call('HGET', ck, 'st')
  if st ~= 'queued' then return {'skip', st or 'missing'} end
  local ast = redis.call('HGET', P .. 'a:' .. agent, 'st') or 'offline'
  if ast ~= 'available' then return {'agent_busy', ast} end
  local v = reserve(agent, call, offer, now, exp)
  return {'offered', agent, 1, 'supervisor', v, redis.call('HGET', ck, 'b')}
end

-- A freed agent takes the best waiting call it is eligible for (lane/age score). Returns
-- {'offered', call, buckets, version, bucket} | {'idle', '', buckets} | {'skip', '', 0}.
local function matchAgent(agent, offer, now, exp, S, cool, goneMs)
  if redis.call('HGET', P .. 'a:' .. agent, 'st') ~= 'available' then return {'skip', '', 0} end
  -- only buckets of an index the agent is in can hold calls it may take (a matter skill puts the
  -- agent in its department's index); their requirements, and the agent's levels in all their
  -- fields at once
  local mine = {}
  eachIdx(agent, function(ix) mine[ix] = true end)
  local buckets, reqs, all = {}, {}, {}
  for _, b in ipairs(redis.call('SMEMBERS', P .. 'qb')) do
    local ix, checks = split(b)
    if mine[ix] then
      buckets[#buckets + 1] = b
      reqs[#buckets] = parse(checks)
      for _, g in ipairs(reqs[#buckets]) do all[#all + 1] = g end
    end
  end
  local fields, levels = fieldsOf(all, {}), {}
  if #fields > 0 then
    local vals = redis.call('HMGET', P .. 'sk:' .. agent, unpack(fields))
    for i, f in ipairs(fields) do levels[f] = vals[i] end
  end
  local bestCall, bestScore, bestBucket, nb = nil, nil, nil, 0
  -- The cool-down keeps a call from a seat that let it pass only while someone else may take it.
  -- An agent with nothing fresh to take gets the best call it let pass a moment ago: any other
  -- eligible seat that is free has let it pass too (or it would have been offered it).
  local againCall, againScore, againBucket = nil, nil, nil
  for i, b in ipairs(buckets) do
    if satisfied(levels, reqs[i]) then
      nb = nb + 1
      local rows = redis.call('ZRANGE', P .. 'q:' .. b, 0, S - 1, 'WITHSCORES')
      for j = 1, #rows, 2 do
        local c, sc = rows[j], tonumber(rows[j + 1])
        if bestScore and (sc > bestScore or (sc == bestScore and c > bestCall)) then break end
        -- a caller gone silent is never offered (the presence sweep takes the call out)
        if present(c, now, goneMs) then
          if fresh(P .. 'c:' .. c .. ':tr', agent, now, cool) then
            bestCall, bestScore, bestBucket = c, sc, b
            break
          end
          local t = tonumber(redis.call('ZSCORE', P .. 'c:' .. c .. ':tr', agent) or '-1')
          if t > 0 and ((not againScore) or sc < againScore) then
            againCall, againScore, againBucket = c, sc, b
          end
        end
      end
    end
  end
  if not bestCall and againCall then
    bestCall, bestBucket = againCall, againBucket
  end
  if not bestCall then return {'idle', '', nb} end
  local v = reserve(agent, bestCall, offer, now, exp)
  return {'offered', bestCall, nb, v, bestBucket}
end

-- Takes a call out of live state (abandoned/ended), withdrawing its pending offer (the agent
-- becomes available). Returns {status, offer, agent, bucket}.
local function removeCall(call, now)
  local ck = P .. 'c:' .. call
  local st = redis.call('HGET', ck, 'st')
  local bucket = redis.call('HGET', ck, 'b') or ''
  local function tombstone()
    -- a marker, not a deletion: a late repair by another process must not bring the call back
    redis.call('DEL', ck, ck .. ':tr')
    redis.call('HSET', ck, 'st', 'over')
    redis.call('EXPIRE', ck, 86400)
  end
  if not st or st == 'over' then tombstone() return {'missing', '', '', ''} end
  local offer = redis.call('HGET', ck, 'offer') or ''
  local agent = ''
  if st == 'queued' then dequeue(call) end
  if st == 'offered' and offer ~= '' then
    local ok = P .. 'o:' .. offer
    agent = redis.call('HGET', ok, 'agent') or ''
    redis.call('HSET', ok, 'st', 'withdrawn')
    redis.call('EXPIRE', ok, 86400)
    redis.call('ZREM', P .. 'oexp', offer)
    if agent ~= '' and redis.call('HGET', P .. 'a:' .. agent, 'offer') == offer then
      redis.call('HDEL', P .. 'a:' .. agent, 'offer', 'call')
      setAvail(agent, now)
    else
      agent = ''
    end
  end
  tombstone()
  return {st, offer, agent, bucket}
end

-- The first n waiting calls of a bucket with what their wait estimate needs:
-- {handle-time average or '', call, eligibleOnline, onBreak, call, eligibleOnline, onBreak, ...}
-- (positions 1..n; n < 0: the whole bucket, one pass, so every waiting caller hears theirs).
local function head(bucket, n)
  local out = {redis.call('GET', P .. 'aht') or ''}
  if bucket == '' then return out end
  for _, c in ipairs(redis.call('ZRANGE', P .. 'q:' .. bucket, 0, n < 0 and -1 or n - 1)) do
    local f = redis.call('HMGET', P .. 'c:' .. c, 'eo', 'eb')
    out[#out + 1] = c
    out[#out + 1] = f[1] or '0'
    out[#out + 1] = f[2] or '0'
  end
  return out
end
`;

const PRELUDE = COMMON + EMIT_LUA + STEPS;

/** Queued call → best eligible available agent. ARGV: P, call, offer, now, exp, K, forcedAgent, coolMs, goneMs. */
export const MATCH_CALL =
	PRELUDE +
	`return matchCall(ARGV[2], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), ARGV[7], tonumber(ARGV[8]), tonumber(ARGV[9]))`;

/** A supervisor offers a queued call to a named available agent. ARGV: P, call, agent, offer, now, exp. */
export const ASSIGN =
	PRELUDE + `return assignCall(ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6]))`;

/** Freed agent → best waiting call. ARGV: P, agent, offer, now, exp, S, coolMs, goneMs. */
export const MATCH_AGENT =
	PRELUDE +
	`return matchAgent(ARGV[2], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8]))`;

/** Queues, moves or restores a call. ARGV: P, call, bucket, score, elderly, mode. */
export const ENQUEUE = PRELUDE + `return enqueueCall(ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6])`;

/** Removes a call from live state. ARGV: P, call, now. */
export const REMOVE_CALL = PRELUDE + `return removeCall(ARGV[2], tonumber(ARGV[3]))`;

/**
 * A new call: queued and matched in one step; when an agent is found, the offer, the agent's new
 * state and the call's go out in the same step (templates completed with the agent and offer).
 * Returns the match result, or {'skip', status} when the call was already live.
 * ARGV: P, call, bucket, score, elderly, offer, now, exp, K, coolMs, stream, channel, maxLen,
 *       then the templates to publish on a match, in order.
 */
export const ROUTE_NEW =
	PRELUDE +
	`
local call, offer = ARGV[2], ARGV[6]
local q = enqueueCall(call, ARGV[3], ARGV[4], ARGV[5], 'new')
if q[1] ~= 'queued' then return {'skip', q[1]} end
local r = matchCall(call, offer, tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9]), '', tonumber(ARGV[10]), 0)
if r[1] == 'offered' then
  local bus = {ARGV[11], ARGV[12], ARGV[13]}
  for i = 14, #ARGV do emit(bus, ARGV[i], r[2], offer) end
end
return r
`;

/**
 * A caller leaves: the call is removed and, when that frees an offered agent, the agent takes the
 * best waiting call at once; the head of the bucket the call left is returned for position
 * updates; a call already accepted is left alone (status `connected` or `wrap_up`). Publishes the
 * first template always and the others when an agent was freed (its
 * withdrawn offer and new state). Returns {removed, agentMatch, head} (see removeCall,
 * matchAgent, head).
 * ARGV: P, call, now, offer (for the freed agent), exp, S, coolMs, headSize (< 0: whole bucket),
 *       goneMs, stream, channel, maxLen, templates.
 */
export const LEAVE =
	PRELUDE +
	`
local call, now = ARGV[2], tonumber(ARGV[3])
-- already accepted (its record is still on the way): the call is not removed from under the agent
local st = redis.call('HGET', P .. 'c:' .. call, 'st')
if st == 'connected' or st == 'wrap_up' then return {{st, '', '', ''}, {'none'}, {''}} end
local r = removeCall(call, now)
local bus = {ARGV[10], ARGV[11], ARGV[12]}
for i = 13, #ARGV do
  if i == 13 or r[3] ~= '' then emit(bus, ARGV[i], r[3], r[2]) end
end
local m = {'none'}
if r[3] ~= '' then m = matchAgent(r[3], ARGV[4], now, tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[9])) end
return {r, m, head(r[1] == 'queued' and r[4] or '', tonumber(ARGV[8]))}
`;

/** The head of a bucket for position updates. ARGV: P, bucket, n (< 0: the whole bucket). */
export const HEAD = PRELUDE + `return head(ARGV[2], tonumber(ARGV[3]))`;
