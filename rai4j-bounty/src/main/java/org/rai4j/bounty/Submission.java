package org.rai4j.bounty;

import org.rai4j.core.Preconditions;

/**
 * A hunter's submission: a group and a model claimed to be better on it. Any metrics the hunter
 * computed are deliberately absent: the engine never trusts submitted numbers.
 *
 * @param id    unique submission id
 * @param team  the submitting team
 * @param group the group g
 * @param model the model h
 */
public record Submission(String id, String team, GroupSpec group, ModelSpec model) {
    public Submission {
        Preconditions.checkNotNull(id, "id");
        Preconditions.checkNotNull(team, "team");
        Preconditions.checkNotNull(group, "group");
        Preconditions.checkNotNull(model, "model");
    }
}
