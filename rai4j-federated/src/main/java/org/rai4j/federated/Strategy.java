package org.rai4j.federated;

import org.rai4j.core.Preconditions;

/**
 * How the server turns the clients' aggregated update into the next global model, and what it asks of
 * clients. Δ̄_t denotes the aggregated client change {@code Σ_k w_k (w_k − x_t)} (weights from the
 * {@link ClientSelector}). Options are records; the server-side state lives in the engine.
 */
public sealed interface Strategy {
    /** The name used on the command line and in JSON. */
    String key();

    /** μ of the proximal term clients add to their objective (0 for all but FedProx). */
    default double proximalMu() {
        return 0;
    }

    /**
     * Whether clients that cannot finish their epochs (stragglers) still send the partial work and are
     * aggregated (FedProx), or are dropped from the round (FedAvg and the rest).
     */
    default boolean keepsPartialWork() {
        return false;
    }

    /** FedAvg (McMahan et al. 2017): {@code x_{t+1} = x_t + Δ̄_t}; stragglers are dropped. */
    record FedAvg() implements Strategy {
        @Override
        public String key() {
            return "fedavg";
        }
    }

    /**
     * FedProx (Li et al., MLSys 2020): clients minimise {@code F_k(w) + (μ/2)‖w − x_t‖²}; stragglers send
     * their partial work, which is aggregated as FedAvg aggregates.
     *
     * @param mu μ ≥ 0
     */
    record FedProx(double mu) implements Strategy {
        public FedProx {
            Preconditions.checkNonNegative(mu, "mu");
        }

        @Override
        public String key() {
            return "fedprox";
        }

        @Override
        public double proximalMu() {
            return mu;
        }

        @Override
        public boolean keepsPartialWork() {
            return true;
        }
    }

    /**
     * FedAvgM (Hsu et al. 2019), with the PyTorch SGD momentum convention: pseudo-gradient
     * {@code g = −Δ̄_t}; {@code v ← β·v + g} (v = g in the first round); {@code x ← x − η_s·v}.
     * FedAvgM(1, 0) is FedAvg.
     *
     * @param serverLearningRate η_s &gt; 0
     * @param momentum           β in [0, 1)
     */
    record FedAvgM(double serverLearningRate, double momentum) implements Strategy {
        public FedAvgM {
            Preconditions.checkPositive(serverLearningRate, "server learning rate");
            Preconditions.checkArgument(momentum >= 0 && momentum < 1, "momentum must be in [0, 1), got " + momentum);
        }

        @Override
        public String key() {
            return "fedavgm";
        }
    }

    /** The adaptive server optimiser of {@link FedOpt}. */
    enum Adaptivity {
        /** {@code v_t = v_{t−1} + Δ_t²}. */
        ADAGRAD,
        /** {@code v_t = β₂ v_{t−1} + (1−β₂) Δ_t²}. */
        ADAM,
        /** {@code v_t = v_{t−1} − (1−β₂) Δ_t² ⊙ sign(v_{t−1} − Δ_t²)}. */
        YOGI
    }

    /**
     * FedAdagrad, FedAdam and FedYogi as Algorithm 2 of Reddi et al., "Adaptive Federated Optimization"
     * (ICLR 2021): {@code m_t = β₁ m_{t−1} + (1−β₁) Δ̄_t}; v_t by the {@link Adaptivity};
     * {@code x_{t+1} = x_t + η·m_t / (√v_t + τ)}, with {@code m_{−1} = 0} and {@code v_{−1} = τ²}.
     * Adam-style bias correction ({@code η_t = η·√(1−β₂^t)/(1−β₁^t)}, as Flower's FedAdam does) only when
     * {@code biasCorrection} is set.
     *
     * @param adaptivity     which second-moment rule
     * @param eta            server learning rate η &gt; 0
     * @param beta1          β₁ in [0, 1)
     * @param beta2          β₂ in [0, 1) (unused by Adagrad)
     * @param tau            adaptivity τ &gt; 0
     * @param biasCorrection apply Adam bias correction (not in the paper)
     */
    record FedOpt(Adaptivity adaptivity, double eta, double beta1, double beta2, double tau, boolean biasCorrection)
            implements Strategy {
        public FedOpt {
            Preconditions.checkNotNull(adaptivity, "adaptivity");
            Preconditions.checkPositive(eta, "eta");
            Preconditions.checkArgument(beta1 >= 0 && beta1 < 1, "beta1 must be in [0, 1), got " + beta1);
            Preconditions.checkArgument(beta2 >= 0 && beta2 < 1, "beta2 must be in [0, 1), got " + beta2);
            Preconditions.checkPositive(tau, "tau");
        }

        /** Flower's FedAdam defaults η = 0.1, β₁ = 0.9, β₂ = 0.99, τ = 1e−9 (no bias correction: the paper). */
        public static FedOpt adam() {
            return new FedOpt(Adaptivity.ADAM, 0.1, 0.9, 0.99, 1e-9, false);
        }

        /** Flower's FedYogi defaults η = 0.01, β₁ = 0.9, β₂ = 0.99, τ = 1e−3. */
        public static FedOpt yogi() {
            return new FedOpt(Adaptivity.YOGI, 0.01, 0.9, 0.99, 1e-3, false);
        }

        /** Flower's FedAdagrad defaults η = 0.1, β₁ = 0, τ = 1e−9. */
        public static FedOpt adagrad() {
            return new FedOpt(Adaptivity.ADAGRAD, 0.1, 0.0, 0.99, 1e-9, false);
        }

        @Override
        public String key() {
            return "fed" + adaptivity.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * SCAFFOLD, option II (Karimireddy et al., ICML 2020): clients correct their steps by
     * {@code −η(c − c_k)} and report {@code Δc_k}; the server sets {@code x ← x + η_g·Δ̄} and
     * {@code c ← c + (|S|/N)·mean_S Δc_k}. Client control variates persist between the rounds a client is
     * selected (state the simulator keeps only for clients that have participated).
     *
     * @param globalLearningRate η_g &gt; 0
     */
    record Scaffold(double globalLearningRate) implements Strategy {
        public Scaffold {
            Preconditions.checkPositive(globalLearningRate, "global learning rate");
        }

        @Override
        public String key() {
            return "scaffold";
        }
    }

    /**
     * q-FedAvg (Li, Sanjabi, Beirami, Smith, ICLR 2020), fair resource allocation: with L = 1/η (local
     * learning rate), each client reports its loss before training {@code F_k(x_t)} and
     * {@code Δw_k = L(x_t − w̄_k)}; the server sets {@code x ← x − Σ_k F_k^q Δw_k / Σ_k h_k} with
     * {@code h_k = q F_k^{q−1} ‖Δw_k‖² + L F_k^q}. Each client's own F_k is used (not, as Flower's QFedAvg
     * does, one server-side loss). q = 0 weighs clients equally.
     *
     * @param q fairness parameter q ≥ 0
     */
    record QFedAvg(double q) implements Strategy {
        public QFedAvg {
            Preconditions.checkNonNegative(q, "q");
        }

        @Override
        public String key() {
            return "qfedavg";
        }
    }
}
