"""Real user agents, by what the data API's rules must make of them (O:9-10, O:38-45: bots and
spiders are refused per IAB/ABC rules; other clients should set their own User-Agent).

Phones and browsers come from matomo's device-detector fixtures (real traffic it was reported);
crawlers from their operators' documentation; libraries are their defaults."""

from __future__ import annotations

# Real phones whose model contains "bot": must pass (the old hand regex refused them).
PHONES_NAMED_BOT = [
    # LOGICOM M BOT 551
    "Mozilla/5.0 (Linux; Android 6.0; M BOT 551 Build/MRA58K) AppleWebKit/537.36 (KHTML, like "
    "Gecko) Chrome/54.0.2840.85 Mobile Safari/537.36",
    # LOGICOM B BOT 550, VR BOT 552
    "Mozilla/5.0 (Linux; Android 6.0; B BOT 550 Build/MRA58K; wv) AppleWebKit/537.36 (KHTML, "
    "like Gecko) Version/4.0 Chrome/53.0.2785.124 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 6.0; VR BOT 552) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/72.0.3626.121 Mobile Safari/537.36",
    # CUBOT P30, J9, KING KONG, C6W
    "Mozilla/5.0 (Linux; Android 9; CUBOT P30 Build/PPR1.180610.011) AppleWebKit/537.36 (KHTML, "
    "like Gecko) Chrome/79.0.3945.116 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 10; CUBOT J9) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/88.0.4324.152 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 7.0; CUBOT KING KONG) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/71.0.3578.99 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; U; Android 4.2.2; CUBOT_C6W Build/JDQ39) AppleWebKit/537.36 (KHTML, "
    "like Gecko) Chrome/71.0.3578.99 Mobile Safari/537.36",
    # XBot Junior (a children's phone)
    "Mozilla/5.0 (Linux; Android 8.1.0; XBot Junior) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/87.0.4280.101 Mobile Safari/537.36",
]

BROWSERS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.1 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0",
    "kameleoon-docs",  # the page's own default (O:63)
]

# Search engines' and major crawlers' own user agents: refused (403).
CRAWLERS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like "
    "Gecko) Chrome/131.0.6778.69 Mobile Safari/537.36 (compatible; Googlebot/2.1; "
    "+http://www.google.com/bot.html)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; "
    "+http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36",
    "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
    "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
    "DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)",
    "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
    "Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; "
    "+https://openai.com/gptbot)",
    "Scrapy/2.11.0 (+https://scrapy.org)",
]

# Robots our list knows that are not search bots or crawlers: a warning, accepted.
OTHER_ROBOTS = [
    "UptimeRobot/2.0",  # site monitor
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",  # link preview
    "Mozilla/5.0 (compatible; MyRandomThingBot/1.0)",  # generic pattern only
]

# HTTP libraries' defaults: a warning (library_user_agent), accepted. The page asks such clients
# to set their own value (O:10) but does not say they are refused, and Kameleoon's own SDK sends
# aiohttp's default (tests/apis/kameleoon_data/sdk_traffic.json).
LIBRARIES = [
    "python-requests/2.32.3",
    "Python/3.11 aiohttp/3.9.5",
    "curl/8.5.0",
    "okhttp/4.12.0",
    "Go-http-client/1.1",
    "Java/17.0.2",
    "axios/1.7.7",
]
