"""Builders shared by the negotiation tests: the two-issue deal and its negotiation dance."""

from stakecli.negotiation.model import Negotiation


def deal(offer_list, **extra):
    """DOMAIN.md 8.4: buyer (us) and supplier, price and delivery."""
    options = [{"id": x, "name": x} for x in ("P1", "P2", "P3")]
    delivery = [{"id": x, "name": x} for x in ("D1", "D2", "D3")]
    return Negotiation.model_validate(
        {
            "kind": "negotiation",
            "version": 1,
            "title": "8.4",
            "parties": [
                {
                    "id": "buyer",
                    "us": True,
                    "weights": {"price": 0.4, "delivery": 0.6},
                    "scores": {
                        "price": {"P1": 0, "P2": 50, "P3": 100},
                        "delivery": {"D1": 100, "D2": 50, "D3": 0},
                    },
                },
                {
                    "id": "supplier",
                    "weights": {"price": 0.8, "delivery": 0.2},
                    "scores": {
                        "price": {"P1": 100, "P2": 50, "P3": 0},
                        "delivery": {"D1": 0, "D2": 50, "D3": 100},
                    },
                },
            ],
            "issues": [
                {"id": "price", "name": "Price", "options": options},
                {"id": "delivery", "name": "Delivery", "options": delivery},
            ],
            "offers": offer_list,
            **extra,
        }
    )


def offer(by, rnd, package, **extra):
    return {
        "round": rnd,
        "by": by,
        "package": {"price": package[:2], "delivery": package[2:]},
        **extra,
    }


DANCE = [
    offer("buyer", 1, "P3D1"),
    offer("supplier", 1, "P1D3"),
    offer("buyer", 2, "P2D1"),
    offer("supplier", 2, "P1D2"),
    offer("buyer", 3, "P1D1"),
    offer("supplier", 3, "P1D1", response="accept"),
]
