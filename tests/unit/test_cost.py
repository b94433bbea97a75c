"""Costs against hand-computed examples (USD per 1M tokens from shared/cost/prices.json)."""

import pytest

from shared.cost.prices import PriceTable, Usage, usage_from_metadata

TABLE = PriceTable.load()


def test_flash_with_cached_and_thinking_tokens() -> None:
    # 10,000 prompt of which 4,000 cached; 1,000 output; 2,000 thinking on gemini-2.5-flash
    # input 6,000 * 0.30 = 0.0018; cached 4,000 * 0.03 = 0.00012; output 1,000 * 2.50 = 0.0025;
    # thinking 2,000 * 2.50 = 0.005  -> total 0.00942
    cost = TABLE.cost(
        "gemini-2.5-flash", Usage(prompt=10_000, cached=4_000, candidates=1_000, thoughts=2_000)
    )
    assert cost is not None
    assert cost.input_usd == pytest.approx(0.0018)
    assert cost.cached_usd == pytest.approx(0.00012)
    assert cost.output_usd == pytest.approx(0.0025)
    assert cost.thinking_usd == pytest.approx(0.005)
    assert cost.total_usd == pytest.approx(0.00942)


def test_pro_long_context_tier_prices_the_whole_request_higher() -> None:
    # 250,000 prompt (50,000 cached), 2,000 output, 500 thinking on gemini-2.5-pro, >200k tier:
    # 200,000 * 2.50 = 0.5; 50,000 * 0.25 = 0.0125; 2,000 * 15 = 0.03; 500 * 15 = 0.0075 -> 0.55
    cost = TABLE.cost("gemini-2.5-pro", Usage(prompt=250_000, cached=50_000, candidates=2_000, thoughts=500))
    assert cost is not None
    assert cost.tier == 1
    assert cost.total_usd == pytest.approx(0.55)
    short = TABLE.cost("gemini-2.5-pro", Usage(prompt=200_000, candidates=2_000))
    assert short is not None
    assert short.tier == 0
    assert short.total_usd == pytest.approx(200_000 * 1.25 / 1e6 + 2_000 * 10 / 1e6)


def test_version_suffix_and_resource_names_resolve() -> None:
    usage = Usage(prompt=1_000_000)
    a = TABLE.cost("gemini-2.0-flash-001", usage)
    b = TABLE.cost("publishers/google/models/gemini-2.0-flash", usage)
    assert a is not None
    assert b is not None
    assert a.total_usd == pytest.approx(0.15)
    assert b.total_usd == pytest.approx(0.15)


def test_unknown_model_is_unpriced_not_free() -> None:
    assert TABLE.cost("my-finetune-7b", Usage(prompt=10)) is None


def test_usage_reads_camel_and_snake_case() -> None:
    camel = {"promptTokenCount": 5, "cachedContentTokenCount": 2, "candidatesTokenCount": 3,
             "thoughtsTokenCount": 4, "totalTokenCount": 12}  # fmt: skip
    snake = {"prompt_token_count": 5, "cached_content_token_count": 2, "candidates_token_count": 3,
             "thoughts_token_count": 4, "total_token_count": 12}  # fmt: skip
    assert usage_from_metadata(camel) == usage_from_metadata(snake) == Usage(5, 2, 3, 4, 12)


def test_every_model_row_names_its_source_and_date() -> None:
    for name in ("gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite", "gemini-2.0-flash"):
        price = TABLE.price(name)
        assert price is not None
        assert price.source.startswith("https://")
        assert price.as_of
