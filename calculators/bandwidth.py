"""Bandwidth: requests per second × message sizes → ingress, egress and monthly transfer."""

from __future__ import annotations

from dataclasses import dataclass

from calculators.fields import Calculator, Field, FieldKind, Output, OutputKind
from calculators.units import DAYS_PER_MONTH, SECONDS_PER_DAY


@dataclass(frozen=True)
class BandwidthInputs:
    read_rps: float  # average reads [requests / s]
    write_rps: float  # average writes [requests / s]
    response_bytes: float  # body returned by a read [bytes]
    request_bytes: float  # body sent by a write [bytes]
    peak_multiplier: float  # peak rate ÷ average rate [unitless]


@dataclass(frozen=True)
class BandwidthEstimate:
    ingress_bytes_per_s: float  # into the service, average [bytes / s]
    egress_bytes_per_s: float  # out of the service, average [bytes / s]
    total_bytes_per_s: float  # both directions, average [bytes / s]
    peak_total_bytes_per_s: float  # both directions at peak [bytes / s]
    transfer_bytes_per_day: float  # [bytes / day]
    transfer_bytes_per_month: float  # average month of 30.44 days [bytes / month]


def estimate_bandwidth(inputs: BandwidthInputs) -> BandwidthEstimate:
    """Writes carry request bodies in; reads carry response bodies out.

    >>> estimate = estimate_bandwidth(BandwidthInputs(231_481, 2_315, 5120, 1024, 3))
    >>> round(estimate.egress_bytes_per_s / 1e9, 2)  # GB/s
    1.19
    """
    ingress = inputs.write_rps * inputs.request_bytes
    egress = inputs.read_rps * inputs.response_bytes
    total = ingress + egress
    per_day = total * SECONDS_PER_DAY
    return BandwidthEstimate(
        ingress_bytes_per_s=ingress,
        egress_bytes_per_s=egress,
        total_bytes_per_s=total,
        peak_total_bytes_per_s=total * inputs.peak_multiplier,
        transfer_bytes_per_day=per_day,
        transfer_bytes_per_month=per_day * DAYS_PER_MONTH,
    )


CALCULATOR = Calculator(
    id="bandwidth",
    title="Bandwidth",
    summary="Read and write rates × message sizes → ingress, egress, peak, and transfer per day and month.",
    inputs_type=BandwidthInputs,
    compute=estimate_bandwidth,
    source_module="calculators/bandwidth.py",
    fields=(
        Field(
            "read_rps",
            "Average reads per second",
            FieldKind.NUMBER,
            default="231,481",
            example="231,481 or 50K",
            unit="req/s",
            minimum=0,
            maximum=1e12,
            help="The traffic calculator's average reads per second.",
        ),
        Field(
            "write_rps",
            "Average writes per second",
            FieldKind.NUMBER,
            default="2,315",
            example="2,315 or 1K",
            unit="req/s",
            minimum=0,
            maximum=1e12,
            help="The traffic calculator's average writes per second.",
        ),
        Field(
            "response_bytes",
            "Response size",
            FieldKind.BYTES,
            default="5 KiB",
            example="5 KiB or 20 KB",
            minimum=0,
            maximum=1e12,
            help="Bytes returned by one read, headers included if they matter.",
        ),
        Field(
            "request_bytes",
            "Request size",
            FieldKind.BYTES,
            default="1 kB",
            example="1 KiB or 300 B",
            minimum=0,
            maximum=1e12,
            help="Bytes sent by one write.",
        ),
        Field(
            "peak_multiplier",
            "Peak multiplier",
            FieldKind.MULTIPLIER,
            default="3x",
            example="3x or 2",
            minimum=1,
            maximum=1000,
            help="Provision links for the peak, not the average.",
        ),
    ),
    outputs=(
        Output(
            "ingress_bytes_per_s",
            "Ingress (average)",
            OutputKind.BYTE_RATE,
            formula="writes per second × request size",
            working="{write_rps} req/s × {request_bytes} = {ingress_bytes_per_s}",
        ),
        Output(
            "egress_bytes_per_s",
            "Egress (average)",
            OutputKind.BYTE_RATE,
            formula="reads per second × response size",
            working="{read_rps} req/s × {response_bytes} = {egress_bytes_per_s}",
        ),
        Output(
            "total_bytes_per_s",
            "Total (average)",
            OutputKind.BYTE_RATE,
            formula="ingress + egress",
            working="{ingress_bytes_per_s} + {egress_bytes_per_s} = {total_bytes_per_s}",
        ),
        Output(
            "peak_total_bytes_per_s",
            "Total at peak",
            OutputKind.BYTE_RATE,
            formula="total × peak multiplier",
            working="{total_bytes_per_s} × {peak_multiplier} = {peak_total_bytes_per_s}",
        ),
        Output(
            "transfer_bytes_per_day",
            "Transfer per day",
            OutputKind.BYTES,
            formula="total × 86,400 s",
            working="{total_bytes_per_s} × 86,400 s = {transfer_bytes_per_day}",
        ),
        Output(
            "transfer_bytes_per_month",
            "Transfer per month",
            OutputKind.BYTES,
            formula="per day × 30.44 days",
            working="{transfer_bytes_per_day} × 30.44 = {transfer_bytes_per_month}",
        ),
    ),
    notes=(
        "1 byte = 8 bits; link speeds are quoted in bits per second with decimal prefixes.",
        "A month is 30.44 days (365.25 ÷ 12).",
    ),
)
