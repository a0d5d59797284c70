-- POST /api/v1/drafts/{id}/comments as many different users, rotating bearer tokens,
-- paragraphs and kinds (70 % comments, 20 % replies, 10 % amendments). Counts status
-- classes, since every answer must be a 201.
local tokens, paragraphs, parents = {}, {}, {}
local draft = os.getenv("BENCH_DRAFT")
local n = 0
counts = {}

local function lines(path)
  local t = {}
  for l in io.lines(path) do if l ~= "" then t[#t + 1] = l end end
  return t
end

function setup(thread)
  thread:set("tid", BENCH_NEXT_TID or 1)
  BENCH_NEXT_TID = (BENCH_NEXT_TID or 1) + 1
  threads = threads or {}
  threads[#threads + 1] = thread
end

function init(args)
  tokens = lines(os.getenv("BENCH_TOKENS"))
  paragraphs = lines(os.getenv("BENCH_PARAGRAPHS"))
  parents = lines(os.getenv("BENCH_PARENTS"))
  n = (tid or 1) * 7919
  math.randomseed(tid or 1)
end

local bodies = {
  "We welcome this paragraph but ask that it name affordability targets for meaningful connectivity.",
  "Nous proposons d'ajouter une référence explicite à la société civile et aux réseaux communautaires.",
  "نؤكد على أهمية سد الفجوة الرقمية بين البلدان المتقدمة والبلدان النامية، ونقترح إضافة أهداف قابلة للقياس.",
  "我们强调弥合数字鸿沟对于实现可持续发展目标至关重要，建议增加关于能力建设的内容。",
}

local function esc(s) return (s:gsub('\\', '\\\\'):gsub('"', '\\"')) end

function request()
  n = n + 1
  local token = tokens[(n % #tokens) + 1]
  local body = bodies[(n % #bodies) + 1] .. " (" .. n .. ")"
  local r = math.random()
  local json
  if r < 0.2 and #parents > 0 then
    json = string.format('{"parent_id":"%s","body":"%s"}', parents[(n % #parents) + 1], esc(body))
  elseif r < 0.3 then
    json = string.format('{"paragraph_id":"%s","kind":"amendment","body":"%s","proposed_text":"%s","attribution":"organization"}',
      paragraphs[(n % #paragraphs) + 1], esc(body), esc("Calls upon all stakeholders to close the digital divides, " .. body))
  else
    json = string.format('{"paragraph_id":"%s","body":"%s"}', paragraphs[(n % #paragraphs) + 1], esc(body))
  end
  return wrk.format("POST", "/api/v1/drafts/" .. draft .. "/comments",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, json)
end

function response(status, headers, body)
  local k = tostring(status)
  counts[k] = (counts[k] or 0) + 1
end

function extra_done()
  local all = {}
  for _, t in ipairs(threads) do
    local c = t:get("counts")
    for k, v in pairs(c) do all[k] = (all[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(all) do parts[#parts + 1] = string.format('"%s":%d', k, v) end
  io.write('BENCH_STATUS {' .. table.concat(parts, ",") .. '}\n')
end
