# -*- coding: utf-8 -*-
"""Hand-written PII/secret records, English: cloud keys, JWTs, passwords, URL tokens, IPs."""

RECORDS = [
("en", "[default]\naws_access_key_id = AKIAAZ5YHXTI4HZUGQD7\naws_secret_access_key = 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\nregion = eu-west-1",
 [("AWS_ACCESS_KEY", "AKIAAZ5YHXTI4HZUGQD7"), ("SECRET", "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")],
 [("LOCATION", "eu-west-1")]),

("en", "Why does boto3 say InvalidClientTokenId? I'm exporting AWS_ACCESS_KEY_ID=AKIA5WMTHXQCZJPY7JWT in my .bashrc and the role ARN is arn:aws:iam::123456789012:role/deploy.",
 [("AWS_ACCESS_KEY", "AKIA5WMTHXQCZJPY7JWT")],
 []),

("en", "const mapsKey = \"AIzaB4wQfcAF_JF76cNcsqDoIkhUzXm-cPYQZkE\"; // TODO move to env - ask Dana",
 [("GOOGLE_API_KEY", "AIzaB4wQfcAF_JF76cNcsqDoIkhUzXm-cPYQZkE"), ("PERSON", "Dana")],
 []),

("en", "curl 'https://maps.googleapis.com/maps/api/geocode/json?address=Leeds&key=AIzawtMnP7tY4s_JaHGsmmf1WHku68v5r7Oea8l'",
 [("GOOGLE_API_KEY", "AIzawtMnP7tY4s_JaHGsmmf1WHku68v5r7Oea8l")],
 [("LOCATION", "Leeds")]),

("en", "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1LTEwNDIiLCJuYW1lIjoiQW1lbGlhIEhhcnQiLCJpYXQiOjE3MTQwNzM1OTF9.3yHj66p51FWen-1H3TLiNrP46N338o-DSsaofQNfm5g\nX-Request-Id: 3f2b8c1e-9d4a-4e6b-8c2f-1a7d5e9b0c44",
 [("JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1LTEwNDIiLCJuYW1lIjoiQW1lbGlhIEhhcnQiLCJpYXQiOjE3MTQwNzM1OTF9.3yHj66p51FWen-1H3TLiNrP46N338o-DSsaofQNfm5g")],
 [("UUID", "3f2b8c1e-9d4a-4e6b-8c2f-1a7d5e9b0c44")]),

("en", "my wifi password is Sunflower!2291, don't tell my brother lol",
 [("SECRET", "Sunflower!2291")],
 []),

("en", "GITHUB_TOKEN=ghp_sCgjSXXCqhSzgAbB8pyRVNDgM4lMxoQPUCI3\nNODE_ENV=production\nAPP_VERSION=3.2.1.0",
 [("SECRET", "ghp_sCgjSXXCqhSzgAbB8pyRVNDgM4lMxoQPUCI3")],
 [("VERSION", "3.2.1.0")]),

("en", "stripe.api_key = \"sk_live_3ciUSxWKuYyBrirW3f3BsGHf\"  # prod key, rotate quarterly",
 [("SECRET", "sk_live_3ciUSxWKuYyBrirW3f3BsGHf")],
 []),

("en", "Reset your password here: https://accounts.example.com/reset?token=UnTMQmCch9OlWPlvsapnMX6RlYjAyqlVpAoR&uid=88412 (link valid 30 minutes)",
 [("URL_TOKEN", "UnTMQmCch9OlWPlvsapnMX6RlYjAyqlVpAoR")],
 []),

("en", "Here's the shared doc: https://docs.example.net/d/1AbCdEf?share_token=XrPjo1OKdOGNKknr61mCPiN81h8VUhU - anyone with the link can edit.",
 [("URL_TOKEN", "XrPjo1OKdOGNKknr61mCPiN81h8VUhU")],
 []),

("en", "Failed logins from 203.0.113.47 and 198.51.100.12 against user ops-admin. Gateway is 10.0.0.1, netmask 255.255.254.0.",
 [("IP_ADDRESS", "203.0.113.47"), ("IP_ADDRESS", "198.51.100.12"), ("IP_ADDRESS", "10.0.0.1")],
 [("NETMASK", "255.255.254.0")]),

("en", "pip install requests==2.31.0 fails on 3.12.1; the server at 172.16.4.20 has the old wheel cached.",
 [("IP_ADDRESS", "172.16.4.20")],
 [("VERSION", "2.31.0"), ("VERSION", "3.12.1")]),

("en", "IPv6 client 2001:db8:85a3::8a2e:370:7334 kept hitting /login; blocked it for 24h. Release tag v1.8.12.3.",
 [("IP_ADDRESS", "2001:db8:85a3::8a2e:370:7334")],
 [("VERSION", "v1.8.12.3")]),

("en", "DATABASE_URL=postgres://app_user:T7#qLm9!vR2x@db.internal:5432/orders",
 [("SECRET", "T7#qLm9!vR2x")],
 []),

("en", "The file hash is sha256:943b3fd84abf76856b5e6b53f765e6a7722bdbd6b47b86e3cb06c0de24f04298 and the commit 1d8f604c94d5fc576fccdef911eb37fd2b774e27.",
 [],
 [("HASH", "943b3fd84abf76856b5e6b53f765e6a7722bdbd6b47b86e3cb06c0de24f04298"), ("GIT_SHA", "1d8f604c94d5fc576fccdef911eb37fd2b774e27")]),

("en", "Slack webhook leaked in the repo by nadia.ferreira: https://hooks.slack.com/services/T0000/B0000/RofmpwunLfS2fYwty08TLiqj3htsGY",
 [("PERSON", "nadia.ferreira"), ("URL_TOKEN", "RofmpwunLfS2fYwty08TLiqj3htsGY")],
 []),

("en", "login: mthompson\npassword: Correct-Horse-Battery-42\n(Mike, change this after first login!)",
 [("PERSON", "mthompson"), ("SECRET", "Correct-Horse-Battery-42"), ("PERSON", "Mike")],
 []),

("en", "Why is my JWT rejected? eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4ODEyIiwibmFtZSI6IkpvbmFzIFdlYmVyIiwiaWF0IjoxNzI1NDkzNDk1fQ.BQyWjXqcm3AE9od4hwlipZ1vesHZO5-fePRF7fOZpO8 - server clock is UTC.",
 [("JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4ODEyIiwibmFtZSI6IkpvbmFzIFdlYmVyIiwiaWF0IjoxNzI1NDkzNDk1fQ.BQyWjXqcm3AE9od4hwlipZ1vesHZO5-fePRF7fOZpO8")],
 []),

("en", "terraform.tfvars:\naccess_key = \"AKIAW3UDCQW3FWD232IF\"\nsecret_key = \"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\"\ninstance_type = \"t3.medium\"",
 [("AWS_ACCESS_KEY", "AKIAW3UDCQW3FWD232IF"), ("SECRET", "Qx8vT2nL5kP0sW9rY4mB7cJ1hF6gD3aZ8eU2iO5p")],
 [("PRODUCT", "t3.medium")]),

("en", "The docs use AKIAIOSFODNN7EXAMPLE as the sample key id - that one is fine to publish. Ours is AKIAQB3R3PG2CR6OC7LF, please rotate it.",
 [("AWS_ACCESS_KEY", "AKIAQB3R3PG2CR6OC7LF")],
 [("PLACEHOLDER", "AKIAIOSFODNN7EXAMPLE")]),

("en", "firebase config: apiKey: \"AIzaQyoBGZ7_wBXcyrBXjSuEaRrpTnOfFUyyZMc\", projectId: \"trailmix-prod\", appId: \"1:90412:web:77ab\"",
 [("GOOGLE_API_KEY", "AIzaQyoBGZ7_wBXcyrBXjSuEaRrpTnOfFUyyZMc")],
 [("PRODUCT", "trailmix-prod")]),

("en", "Magic link for Priya: https://app.example.io/auth/magic?t=mVXMKzoJHVPtSSMN6ioZKVL0NtFlUlvhqKD&redirect=%2Fhome",
 [("PERSON", "Priya"), ("URL_TOKEN", "mVXMKzoJHVPtSSMN6ioZKVL0NtFlUlvhqKD")],
 []),

("en", "Ping 8.8.8.8 works but 192.0.2.55 times out. Subnet 192.0.2.0/24, version of the agent 4.4.0.1.",
 [("IP_ADDRESS", "192.0.2.55")],
 [("VERSION", "4.4.0.1")]),

("en", "export OPENAI_API_KEY=sk-proj-Hq3V9tRk2LmN8xPz4WcB7yJd\nexport MODEL=gpt-4o-mini",
 [("SECRET", "sk-proj-Hq3V9tRk2LmN8xPz4WcB7yJd")],
 [("PRODUCT", "gpt-4o-mini")]),

("en", "Cookie: session=oRKpGXpWIsw0wx8xhBVMmmzn8FV5IrjFeux9; theme=dark; lang=en-GB",
 [("SECRET", "oRKpGXpWIsw0wx8xhBVMmmzn8FV5IrjFeux9")],
 []),

("en", "xoxb-2048-4096-Ab12Cd34Ef56Gh78 is the bot token Emeka pasted in #general by mistake.",
 [("SECRET", "xoxb-2048-4096-Ab12Cd34Ef56Gh78"), ("PERSON", "Emeka")],
 []),

("en", "Unsubscribe: https://mail.example.org/u?email_token=3xTBeEEcA3znMaYUAt3GUUa4khGmbH&list=weekly",
 [("URL_TOKEN", "3xTBeEEcA3znMaYUAt3GUUa4khGmbH")],
 []),

("en", "kubectl create secret generic db-creds --from-literal=password='p4ss-W0rd-Kestrel!' -n billing",
 [("SECRET", "p4ss-W0rd-Kestrel!")],
 []),

("en", "Build 7.3.0.2210 uploaded by ci-bot from 10.12.8.33; checksum md5 9e107d9d372bb6826bd81d3542a419d6.",
 [("IP_ADDRESS", "10.12.8.33")],
 [("VERSION", "7.3.0.2210"), ("HASH", "9e107d9d372bb6826bd81d3542a419d6")]),

("en", "The token in the OAuth callback was https://app.example.com/callback#access_token=9Hs6rqyLMlvBSKrvDvaeFxJrvMANb&token_type=bearer&expires_in=3600",
 [("URL_TOKEN", "9Hs6rqyLMlvBSKrvDvaeFxJrvMANb")],
 []),

("en", "Service account JWT for the build bot: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYm90IiwibmFtZSI6ImJ1aWxkIGJvdCIsImlhdCI6MTc0Mjk3ODQxMn0.Fuq14qL9NuheQ6_PHRp718TPHr_jK6tL9ur0VOi0CA0",
 [("JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYm90IiwibmFtZSI6ImJ1aWxkIGJvdCIsImlhdCI6MTc0Mjk3ODQxMn0.Fuq14qL9NuheQ6_PHRp718TPHr_jK6tL9ur0VOi0CA0")],
 []),

("en", "user: helena.strand@example.se\npass: Fjord&Lingon88\nrecovery code: 4821-9930-1177",
 [("EMAIL", "helena.strand@example.se"), ("SECRET", "Fjord&Lingon88"), ("SECRET", "4821-9930-1177")],
 []),
]
